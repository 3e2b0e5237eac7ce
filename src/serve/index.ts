import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderSiteInMemory, type BuildCaches, type RenderedSite } from '../build.js';
import type { OutputFile } from '../render/site.js';
import { resolveOptions, type BuildOptions } from '../config/options.js';
import { BuildFailed, type Diagnostic } from '../errors.js';
import { LiveReload } from './live-reload.js';
import { buildQueue, crashProblem, problemOf } from './rebuild.js';
import { servedSiteOf, type ServedSite } from './served-site.js';
import { createListener } from './server.js';
import { watchFolders } from './watch.js';

export interface ServeOptions extends BuildOptions {
  /** Port to listen on (default 4000); 0 takes any free port. */
  readonly port?: number;
  /** Address to listen on (default 127.0.0.1: this machine only). */
  readonly host?: string;
  /** Quiet time after a change before rebuilding (default 10 ms). */
  readonly debounceMs?: number;
  /** Told about the first build, every rebuild and a failing watcher; must not throw. */
  readonly onEvent?: (event: ServeEvent) => void;
}

interface Rebuilt {
  /** The first build, before the server listens. */
  readonly first: boolean;
  /** The files whose change caused this build (absolute; none for the first). */
  readonly changed: readonly string[];
  readonly milliseconds: number;
}

export type ServeEvent =
  | (Rebuilt & {
      readonly kind: 'built';
      readonly files: number;
      /** Pages whose page key was the last good build's: served as they were, not rendered again. */
      readonly pagesKept: number;
      readonly phases: RenderedSite['phases'];
      readonly warnings: readonly Diagnostic[];
    })
  /** The content or templates are wrong: the last good build stays served. */
  | (Rebuilt & { readonly kind: 'failed'; readonly diagnostics: readonly Diagnostic[] })
  /** A bug (or a file read half-written in a way no check foresaw): the last good build stays served. */
  | (Rebuilt & { readonly kind: 'crashed'; readonly error: unknown })
  | { readonly kind: 'watch-failed'; readonly error: Error };

export interface ServeHandle {
  /** Where the site is, base path included, e.g. `http://127.0.0.1:4000/repo/`. */
  readonly url: string;
  readonly port: number;
  /** Stops watching, ends the browsers' event streams and closes the server. */
  close(): Promise<void>;
}

/**
 * Builds the site in memory and serves it, rebuilding on every change to content/, templates/ and
 * public/ and reloading open pages; nothing is written to the output folder. A build that fails,
 * first or later, is reported through `onEvent` and shown over the page, and the last good build
 * (if any) stays served. Rejects only when the server cannot listen, e.g. the port is taken.
 */
export async function serve(options: ServeOptions = {}): Promise<ServeHandle> {
  const { port = 4000, host = '127.0.0.1', debounceMs, onEvent = () => undefined, ...build } = options;
  const { contentDir, templatesDir, publicDir } = resolveOptions(build);
  const live = new LiveReload();
  // Build ids differ across restarts too, so a tab left open over a restart sees it is stale.
  const session = randomBytes(4).toString('hex');
  let site: ServedSite | undefined;
  let caches: BuildCaches | undefined;
  /** The pages of the last good build that have a page key, by output path: a page whose key is the same is not rendered again. */
  let keyed = new Map<string, OutputFile>();
  let count = 0;

  const queue = buildQueue(async (changed) => {
    const started = performance.now();
    const about = { first: count++ === 0, changed };
    const took = () => Math.round(performance.now() - started);
    let event: ServeEvent;
    try {
      const files: OutputFile[] = [];
      let kept = 0;
      const unchanged = (file: string, key: string) => {
        const known = keyed.get(file);
        if (!known || known.key !== key) return false;
        files.push(known);
        kept++;
        return true;
      };
      const rendered = await renderSiteInMemory(build, caches, (file) => files.push(file), unchanged);
      caches = rendered.caches;
      keyed = new Map(files.filter((f) => f.key !== undefined).map((f) => [f.path, f]));
      site = servedSiteOf({ ...rendered, files }, publicDir, `${session}-${count}`);
      live.reload(site.build);
      event = { kind: 'built', ...about, milliseconds: took(), files: files.length, pagesKept: kept, phases: rendered.phases, warnings: rendered.warnings };
    } catch (error) {
      // Anything may go wrong while an editor is half-way through a save; the server must outlive it.
      const failed = error instanceof BuildFailed;
      live.failed(failed ? error.diagnostics.filter((d) => d.severity === 'error').map(problemOf) : [crashProblem(error)]);
      event = failed ? { kind: 'failed', ...about, milliseconds: took(), diagnostics: error.diagnostics } : { kind: 'crashed', ...about, milliseconds: took(), error };
    }
    onEvent(event);
  });

  // Watching starts before the first build, so a save during it is not missed.
  const stopWatching = await watchFolders([contentDir, templatesDir, publicDir], (files) => queue.request(files), {
    ...(debounceMs === undefined ? {} : { debounceMs }),
    onError: (error) => onEvent({ kind: 'watch-failed', error }),
  });
  queue.request([]);
  await queue.idle();

  const server = createServer(createListener(() => site, live));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    await stopWatching();
    throw error;
  }
  const actual = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}${site?.basePath ?? ''}/`,
    port: actual,
    close: () =>
      (closing ??= (async () => {
        await stopWatching();
        await queue.idle();
        live.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })()),
  };
}
