import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { contentTypeOf } from './content-type.js';
import { CLIENT_PATH, CLIENT_SCRIPT, EVENTS_PATH, injectClient, type LiveReload } from './live-reload.js';
import { requestPathOf } from './request-path.js';
import type { ServedSite } from './served-site.js';

type Headers = Readonly<Record<string, string>>;

/** What to send for a request: a body in hand, or a file of public/ or an attachment to read. */
export type Answer = Reply | { readonly status: 200; readonly headers: Headers; readonly file: string };
type Reply = { readonly status: number; readonly headers: Headers; readonly body: string };

/**
 * The answer to `method url` from the site in memory, without touching a socket or the disk.
 * `site` is undefined until a first build succeeds. Only paths in the site's own file maps are ever
 * looked up, so nothing outside the site can be named, whatever the URL holds.
 */
export function answer(site: ServedSite | undefined, method: string, url: string): Answer {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Method not allowed.', { Allow: 'GET, HEAD' });
  const cut = url.indexOf('?');
  const pathname = cut < 0 ? url : url.slice(0, cut);
  const query = cut < 0 ? '' : url.slice(cut);
  if (pathname === CLIENT_PATH) return { status: 200, headers: headersFor('client.js'), body: CLIENT_SCRIPT };
  if (!site) return { status: 503, headers: headersFor('index.html'), body: injectClient(NOT_BUILT, 'none') };
  const at = requestPathOf(pathname, site.basePath);
  if (at.kind === 'forbidden') return text(403, 'Forbidden.');
  // Only the bare root moves to the base path, as a project site's user would type it.
  if (at.kind === 'outside') return pathname === '/' ? redirect(`${site.basePath}/`) : notFound(site);
  if (!at.directory && at.path === '') return redirect(`${pathname}/${query}`);
  const wanted = at.directory ? `${at.path ? `${at.path}/` : ''}index.html` : at.path;
  const found = fileAnswer(site, wanted);
  if (found) return found;
  // GitHub Pages sends /dir to /dir/ when there is a /dir/index.html; so do we.
  if (!at.directory && (site.rendered.has(`${at.path}/index.html`) || site.disk.has(`${at.path}/index.html`))) return redirect(`${pathname}/${query}`);
  return notFound(site);
}

/** Serves requests from whatever site `current` returns at the time; the event stream goes to `live`. */
export function createListener(current: () => ServedSite | undefined, live: LiveReload): RequestListener {
  return (request, response) => {
    const url = request.url ?? '/';
    if (request.method === 'GET' && url.split('?')[0] === EVENTS_PATH) return live.connect(request, response);
    const site = current();
    send(request, response, site, answer(site, request.method ?? 'GET', url)).catch((error: unknown) => {
      // A bug in answering one request must not take the server down with it.
      if (response.headersSent) response.destroy();
      else respondWith(request, response, text(500, `Folio's server failed: ${(error as Error).stack ?? String(error)}`));
    });
  };
}

async function send(request: IncomingMessage, response: ServerResponse, site: ServedSite | undefined, a: Answer): Promise<void> {
  if ('body' in a) return respondWith(request, response, a);
  try {
    if (a.headers['Content-Type']!.startsWith('text/html')) {
      const html = await readFile(a.file, 'utf8');
      return respondWith(request, response, { ...a, body: injectClient(html, site!.build) });
    }
    const { size } = await stat(a.file);
    response.writeHead(200, { ...a.headers, 'Content-Length': String(size) });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(a.file).on('error', () => response.destroy()).pipe(response);
  } catch (error) {
    // Deleted or replaced by a folder since the build listed it: gone, as far as the browser can tell.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') throw error;
    respondWith(request, response, notFound(site!));
  }
}

function respondWith(request: IncomingMessage, response: ServerResponse, a: Reply): void {
  const bytes = Buffer.from(a.body);
  response.writeHead(a.status, { ...a.headers, 'Content-Length': String(bytes.length) });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

function fileAnswer(site: ServedSite, file: string): Answer | undefined {
  const onDisk = site.disk.get(file);
  if (onDisk !== undefined) return { status: 200, headers: headersFor(file), file: onDisk };
  const contents = site.rendered.get(file);
  if (contents === undefined) return undefined;
  const headers = headersFor(file);
  return { status: 200, headers, body: headers['Content-Type']!.startsWith('text/html') ? injectClient(contents, site.build) : contents };
}

/** The site's own 404.html, with status 404, as GitHub Pages does. */
function notFound(site: ServedSite): Reply {
  const page = site.rendered.get('404.html');
  if (page === undefined) return text(404, 'Not found.');
  return { status: 404, headers: headersFor('404.html'), body: injectClient(page, site.build) };
}

/** 302, not 301: browsers keep a 301 for good, and the next site served on this port may differ. */
function redirect(location: string): Reply {
  return { status: 302, headers: { ...headersFor('redirect.txt'), Location: location }, body: `Redirecting to ${location}\n` };
}

function text(status: number, body: string, extra: Headers = {}): Reply {
  return { status, headers: { ...headersFor('message.txt'), ...extra }, body: `${body}\n` };
}

/** Never cached: every reload must show the latest build. */
function headersFor(file: string): Headers {
  return { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
}

const NOT_BUILT = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Folio: not built yet</title></head><body><h1>The site has not built yet</h1><p>Fix the errors shown in the terminal; this page reloads when the build succeeds.</p></body></html>';
