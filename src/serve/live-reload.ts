import type { IncomingMessage, ServerResponse } from 'node:http';

/** Paths the dev server keeps for itself, outside any base path. */
export const EVENTS_PATH = '/__folio/events';
export const CLIENT_PATH = '/__folio/client.js';

/** One problem as the page's overlay shows it: plain data, turned into text nodes by the client. */
export interface OverlayProblem {
  readonly severity: 'error' | 'warning' | 'bug';
  readonly code: string;
  /** `file:line:column`, when known. */
  readonly place?: string;
  readonly message: string;
  readonly hint?: string;
}

/**
 * The script tag added to every HTML response of `folio serve` (never to the files themselves, so
 * never to dist/). A same-origin script rather than an inline one, so a Content-Security-Policy
 * of `script-src 'self'` in a template does not block it; `data-build` lets a page that missed a
 * reload (it was loading, or the server restarted) see that it is stale when it connects.
 */
export function injectClient(html: string, build: string): string {
  const tag = `<script src="${CLIENT_PATH}" data-build="${build.replace(/[^\w-]/g, '')}" defer></script>`;
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? `${html}${tag}` : `${html.slice(0, at)}${tag}${html.slice(at)}`;
}

/**
 * The browser half: reload on `reload`; show `build-error` problems in a dismissable overlay built
 * only with textContent (the messages quote the user's files, so they are never parsed as HTML).
 * The custom event is not named `error`, which EventSource uses for its own connection errors.
 */
export const CLIENT_SCRIPT = `(() => {
  const build = document.currentScript && document.currentScript.dataset.build;
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  let overlay;
  const hide = () => { if (overlay) overlay.remove(); overlay = undefined; };
  const el = (tag, text, style) => { const e = document.createElement(tag); if (text) e.textContent = text; if (style) e.style.cssText = style; return e; };
  const show = (problems) => {
    hide();
    overlay = el('div', '', 'position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;background:rgba(24,24,27,.95);color:#fafafa;font:14px/1.5 ui-monospace,monospace');
    overlay.id = '__folio-overlay';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-label', 'Folio build errors');
    const close = el('button', 'Dismiss', 'float:right;font:inherit;padding:.25rem .75rem;cursor:pointer');
    close.type = 'button';
    close.onclick = hide;
    overlay.append(close, el('p', 'Folio could not rebuild the site; this page is the last good build. Save a fix and it reloads.', 'margin:0 0 1rem;font-weight:bold'));
    for (const p of problems) {
      const head = p.severity + '[' + p.code + ']' + (p.place ? ' ' + p.place : '');
      const text = head + '\\n  ' + p.message + (p.hint ? '\\n  hint: ' + p.hint : '');
      overlay.append(el('pre', text, 'white-space:pre-wrap;margin:0 0 1rem;color:' + (p.severity === 'warning' ? '#facc15' : '#fca5a5')));
    }
    document.body.append(overlay);
    close.focus();
  };
  addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('build-error', (e) => show(JSON.parse(e.data).problems));
  events.addEventListener('state', (e) => {
    const state = JSON.parse(e.data);
    if (state.problems.length > 0) show(state.problems);
    else if (state.build !== build) location.reload();
  });
})();
`;

/** The open event streams of the browser tabs, and what a newly connected tab needs to know. */
export class LiveReload {
  readonly #clients = new Set<ServerResponse>();
  #build = 'none';
  #problems: readonly OverlayProblem[] = [];

  /** Answers `GET /__folio/events` with a server-sent event stream that stays open. */
  connect(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    // A short retry, so a tab reconnects quickly when the server is restarted.
    response.write('retry: 500\n\n');
    response.write(frame('state', { build: this.#build, problems: this.#problems }));
    this.#clients.add(response);
    request.once('close', () => this.#clients.delete(response));
  }

  /** A new good build is being served: every tab reloads. */
  reload(build: string): void {
    this.#build = build;
    this.#problems = [];
    this.#broadcast(frame('reload', { build }));
  }

  /** The last edit broke the build: every tab shows the problems over the last good page. */
  failed(problems: readonly OverlayProblem[]): void {
    this.#problems = problems;
    this.#broadcast(frame('build-error', { problems }));
  }

  /** Ends every stream, so the server can close. */
  close(): void {
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }

  #broadcast(text: string): void {
    for (const client of this.#clients) client.write(text);
  }
}

function frame(event: string, data: unknown): string {
  // JSON.stringify never emits a raw newline, so the data is always one `data:` line.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
