import { describe, expect, it } from 'vitest';
import { answer, type Answer } from '../../src/serve/server.js';
import type { ServedSite } from '../../src/serve/served-site.js';

const page = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

function siteAt(basePath: string, extra: Partial<ServedSite> = {}): ServedSite {
  return {
    basePath,
    build: 'test-1',
    rendered: new Map([
      ['index.html', page('Home')],
      ['publications/index.html', page('Publications')],
      ['publications/smith2020.bib', '@article{smith2020}\n'],
      ['404.html', page('Not found')],
      ['about/index.html', page('About, rendered')],
    ]),
    disk: new Map([
      ['assets/css/folio.css', '/site/public/assets/css/folio.css'],
      ['guide/index.html', '/site/public/guide/index.html'],
    ]),
    ...extra,
  };
}

const summary = (a: Answer) => ({
  status: a.status,
  type: a.headers['Content-Type'],
  location: a.headers.Location,
  ...('body' in a ? { body: a.body } : { file: a.file }),
});

describe('answer', () => {
  const site = siteAt('');

  it('serves rendered pages with the live-reload script before </body>', () => {
    expect(summary(answer(site, 'GET', '/'))).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: expect.stringContaining('<h1>Home</h1><script src="/__folio/client.js" data-build="test-1" defer></script></body>') });
    expect(summary(answer(site, 'GET', '/publications/?page=2'))).toMatchObject({ status: 200, body: expect.stringContaining('Publications') });
  });

  it('serves other rendered files as they are', () => {
    expect(summary(answer(site, 'GET', '/publications/smith2020.bib'))).toEqual({ status: 200, type: 'text/plain; charset=utf-8', body: '@article{smith2020}\n' });
  });

  it('names public/ files and attachments by their absolute file, for the caller to read', () => {
    expect(summary(answer(site, 'HEAD', '/assets/css/folio.css'))).toEqual({ status: 200, type: 'text/css; charset=utf-8', file: '/site/public/assets/css/folio.css' });
  });

  it.each([
    ['/publications', '/publications/'],
    ['/publications?page=2', '/publications/?page=2'],
    ['/guide', '/guide/'],
  ])('redirects %s to %s', (url, location) => {
    expect(summary(answer(site, 'GET', url))).toMatchObject({ status: 302, location });
  });

  it('answers a missing path with the 404 page and status 404', () => {
    for (const url of ['/nope', '/nope/', '/publications/index.htm', '/Publications/']) {
      expect(summary(answer(site, 'GET', url))).toMatchObject({ status: 404, type: 'text/html; charset=utf-8', body: expect.stringContaining('<h1>Not found</h1><script') });
    }
    expect(summary(answer(siteAt('', { rendered: new Map() }), 'GET', '/nope'))).toMatchObject({ status: 404, body: 'Not found.\n' });
  });

  it('serves below the base path, and sends only the bare root to it', () => {
    const project = siteAt('/repo');
    expect(summary(answer(project, 'GET', '/'))).toMatchObject({ status: 302, location: '/repo/' });
    expect(summary(answer(project, 'GET', '/repo'))).toMatchObject({ status: 302, location: '/repo/' });
    expect(summary(answer(project, 'GET', '/repo/'))).toMatchObject({ status: 200, body: expect.stringContaining('Home') });
    expect(summary(answer(project, 'GET', '/repo/publications'))).toMatchObject({ status: 302, location: '/repo/publications/' });
    expect(summary(answer(project, 'GET', '/publications/'))).toMatchObject({ status: 404 });
  });

  it('refuses traversal and other methods', () => {
    expect(answer(site, 'GET', '/%2e%2e/%2e%2e/etc/passwd').status).toBe(403);
    expect(answer(site, 'GET', '//etc/passwd').status).toBe(403);
    expect(summary(answer(site, 'POST', '/'))).toMatchObject({ status: 405 });
    expect(answer(site, 'POST', '/').headers.Allow).toBe('GET, HEAD');
  });

  it('shows a placeholder that reloads itself until a first build succeeds', () => {
    expect(summary(answer(undefined, 'GET', '/publications/'))).toMatchObject({ status: 503, body: expect.stringContaining('data-build="none"') });
  });

  it('serves the client script at its reserved path, under any base path', () => {
    expect(summary(answer(siteAt('/repo'), 'GET', '/__folio/client.js'))).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: expect.stringContaining('EventSource') });
  });

  it('never lets the browser cache a response', () => {
    expect(answer(site, 'GET', '/').headers['Cache-Control']).toBe('no-store');
  });
});
