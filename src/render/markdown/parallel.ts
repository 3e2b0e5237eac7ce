import { availableParallelism } from 'node:os';
import type { RenderState } from '../helpers/context.js';
import { siteUrl } from '../helpers/url.js';
import { runWorker } from '../worker-thread.js';
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
  // A worker that dies leaves its share to the caller, like a document that fails.
  const workers = shares.slice(1).map(async (share) => (await runWorker<(string | undefined)[]>(WORKER, { sources: share, allowScripts: options.allowScripts, state: options.state } satisfies WorkerInput)) ?? share.map(() => undefined));
  const own = renderEach(shares[0]!, options.allowScripts, options.state);
  return [own, ...(await Promise.all(workers))].flat();
}

const WORKER = new URL('./worker.js', import.meta.url);

/** Each source's HTML, or undefined for one that fails: the build renders it again where the failure is reported with its page. */
export function renderEach(sources: readonly string[], allowScripts: boolean, state: RenderState): (string | undefined)[] {
  const render = createMarkdownRenderer({ allowScripts });
  const toSite = (path: string) => siteUrl(path, state);
  return sources.map((source) => {
    try {
      return render(source, toSite);
    } catch {
      return undefined;
    }
  });
}
