import { availableParallelism } from 'node:os';
import type { RenderState } from '../helpers/context.js';
import { siteUrl } from '../helpers/url.js';
import { startWorker } from '../worker-thread.js';
import { createMarkdownRenderer } from './index.js';
import type { WorkerInput } from './worker.js';

export interface ParallelOptions {
  readonly allowScripts: boolean;
  /** The render state links are written for (root-absolute, as renderSite uses). */
  readonly state: RenderState;
  /** Threads in all, this one included (default: the machine's cores, at most 4). */
  readonly threads?: number;
}

/**
 * Renders `sources` split between this thread and worker threads: markdown is most of the cost of
 * a big site, and remark is single-threaded. Returns the HTML of each source in order, or
 * `undefined` for one that failed (the caller renders it again and reports the failure).
 */
export async function renderInParallel(sources: readonly string[], options: ParallelOptions): Promise<(string | undefined)[]> {
  const threads = Math.max(1, Math.min(options.threads ?? Math.min(availableParallelism(), 4), sources.length));
  const size = Math.ceil(sources.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => sources.slice(i * size, (i + 1) * size));
  // Workers start first, so their start-up (loading remark and rehype) overlaps this thread's share.
  const workers = shares.slice(1).map((share) => runWorker({ sources: share, allowScripts: options.allowScripts, state: options.state }));
  const render = createMarkdownRenderer({ allowScripts: options.allowScripts });
  const toSite = (path: string) => siteUrl(path, options.state);
  const own = shares[0]!.map((source) => {
    try {
      return render(source, toSite);
    } catch {
      return undefined;
    }
  });
  const rest = await Promise.all(workers);
  return [own, ...rest].flat();
}

const WORKER = new URL('./worker.js', import.meta.url);

/** One worker's share; a worker that dies leaves its share to be rendered by the caller. */
function runWorker(input: WorkerInput): Promise<(string | undefined)[]> {
  return new Promise((resolve) => {
    const worker = startWorker(WORKER, input);
    let done = false;
    const finish = (html: (string | undefined)[]) => {
      if (done) return;
      done = true;
      resolve(html);
    };
    worker.once('message', (html: (string | null)[]) => finish(html.map((h) => h ?? undefined)));
    worker.once('error', () => finish(input.sources.map(() => undefined)));
    worker.once('exit', () => finish(input.sources.map(() => undefined)));
  });
}
