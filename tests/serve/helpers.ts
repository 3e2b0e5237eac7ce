import { cp, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServeEvent, type ServeHandle, type ServeOptions } from '../../src/serve/index.js';
import { ROOT } from '../helpers/build-fixture.js';

/** Generous: a rebuild of the example site on a busy 2-core machine can take a few seconds. */
export const EVENT_TIMEOUT = 20_000;

export interface ServedCopy {
  readonly dir: string;
  readonly content: string;
  readonly server: ServeHandle;
  readonly events: ServeEvent[];
  /** The server's origin, e.g. `http://127.0.0.1:40123`, without the base path. */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves a fresh copy of the example site's content/ with the repository's templates and public/. */
export async function serveExampleCopy(options: Partial<ServeOptions> = {}): Promise<ServedCopy> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-serve-'));
  const content = path.join(dir, 'content');
  await cp(path.join(ROOT, 'content'), content, { recursive: true });
  const events: ServeEvent[] = [];
  const server = await serve({
    content,
    templates: path.join(ROOT, 'templates'),
    public: path.join(ROOT, 'public'),
    out: path.join(dir, 'dist'),
    port: 0,
    onEvent: (event) => events.push(event),
    ...options,
  });
  return {
    dir,
    content,
    server,
    events,
    origin: `http://127.0.0.1:${server.port}`,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A GET with the path sent exactly as written (fetch would resolve `..` and `%2e%2e` first). */
export function rawGet(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject).end();
  });
}

export interface ServerEvent {
  readonly event: string;
  readonly data: any;
}

/** Reads a server-sent event stream with fetch; `next(name)` waits for the next event of that name. */
export async function openEvents(url: string) {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  const queue: ServerEvent[] = [];
  let wake = () => {};
  void (async () => {
    let buffer = '';
    try {
      for await (const chunk of response.body!.pipeThrough(new TextDecoderStream())) {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
          const event = field('event');
          if (event) queue.push({ event, data: JSON.parse(field('data') ?? 'null') });
        }
        wake();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    /** The next event called `name`, skipping others; rejects after `timeout` ms. */
    async next(name: string, timeout = EVENT_TIMEOUT): Promise<ServerEvent> {
      const deadline = Date.now() + timeout;
      for (;;) {
        const at = queue.findIndex((e) => e.event === name);
        if (at >= 0) return queue.splice(0, at + 1)[at]!;
        queue.length = 0;
        if (Date.now() > deadline) throw new Error(`No "${name}" event within ${timeout} ms.`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
    close: () => abort.abort(),
  };
}

/** Polls `check` until it returns something truthy; rejects after `timeout` ms. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeout = EVENT_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeout} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
