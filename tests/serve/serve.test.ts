import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSiteInMemory } from '../../src/build.js';
import { ROOT } from '../helpers/build-fixture.js';
import { eventually, openEvents, rawGet, serveExampleCopy, type ServedCopy } from './helpers.js';

describe('folio serve, on a copy of the example site', () => {
  let site: ServedCopy;
  beforeAll(async () => {
    site = await serveExampleCopy();
  });
  afterAll(() => site?.close());

  it('serves pages from memory with their content type, and writes no output folder', async () => {
    const home = await fetch(`${site.origin}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('Ada Kovačević');
    const css = await fetch(`${site.origin}/assets/css/folio.css`);
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    const pdf = await fetch(`${site.origin}/files/cv.pdf`, { method: 'HEAD' });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(site.server.url).toBe(`${site.origin}/`);
    expect(existsSync(path.join(site.dir, 'dist'))).toBe(false);
  });

  it('redirects a folder without its slash, and answers a missing path with the 404 page', async () => {
    const folder = await fetch(`${site.origin}/publications?year=2024`, { redirect: 'manual' });
    expect([folder.status, folder.headers.get('location')]).toEqual([302, '/publications/?year=2024']);
    expect((await fetch(`${site.origin}/publications/`)).status).toBe(200);
    const missing = await fetch(`${site.origin}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await missing.text()).toMatch(/<title>[^<]*(not found|404)/i);
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/..\\package.json',
    '//etc/passwd',
    '/etc/passwd',
    '/%2fetc%2fpasswd',
    '/files/%00.pdf',
    '/index.html%00.txt',
    'http://127.0.0.1/../package.json',
  ])('never serves a file outside the site: %s', async (attempt) => {
    const { status, body } = await rawGet(site.server.port, attempt);
    expect([403, 404]).toContain(status);
    expect(body).not.toContain('"name": "folio"');
    expect(body).not.toContain('root:');
  });

  it('injects the live-reload script into HTML only', async () => {
    expect(await (await fetch(`${site.origin}/teaching/`)).text()).toMatch(/<script src="\/__folio\/client\.js" data-build="[\w-]+" defer><\/script><\/body>/);
    expect(await (await fetch(`${site.origin}/robots.txt`)).text()).not.toContain('__folio');
    const client = await fetch(`${site.origin}/__folio/client.js`);
    expect([client.status, client.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('rebuilds on a save and tells the page to reload; the page then shows the change', async () => {
    const events = await openEvents(`${site.origin}/__folio/events`);
    try {
      expect(events.contentType).toBe('text/event-stream; charset=utf-8');
      expect((await events.next('state')).data.problems).toEqual([]);
      const file = path.join(site.content, 'pages/teaching.md');
      await writeFile(file, `${await readFile(file, 'utf8')}\nA new course: Marker-One.\n`);
      await eventually(async () => {
        await events.next('reload');
        return (await (await fetch(`${site.origin}/teaching/`)).text()).includes('Marker-One');
      });
      expect(site.events.at(-1)).toMatchObject({ kind: 'built', first: false });
    } finally {
      events.close();
    }
  });

  it('keeps serving the last good build while an edit is broken, sends the errors, and reloads once fixed', async () => {
    const events = await openEvents(`${site.origin}/__folio/events`);
    const file = path.join(site.content, 'pages/teaching.md');
    const good = await readFile(file, 'utf8');
    try {
      await writeFile(file, good.replace('title: "Teaching"', 'title: "Teaching\nMarker-Broken'));
      const { data } = await events.next('build-error');
      expect(data.problems[0]).toMatchObject({ severity: 'error', code: expect.any(String), place: expect.stringContaining('teaching.md'), message: expect.any(String) });
      expect(site.events.at(-1)).toMatchObject({ kind: 'failed' });
      const stale = await fetch(`${site.origin}/teaching/`);
      expect(stale.status).toBe(200);
      expect(await stale.text()).not.toContain('Marker-Broken');
      // A tab opened now learns about the problems as soon as it connects.
      const late = await openEvents(`${site.origin}/__folio/events`);
      expect((await late.next('state')).data.problems.length).toBeGreaterThan(0);
      late.close();

      await writeFile(file, `${good}\nMarker-Fixed\n`);
      await eventually(async () => {
        await events.next('reload');
        return (await (await fetch(`${site.origin}/teaching/`)).text()).includes('Marker-Fixed');
      });
    } finally {
      events.close();
    }
  });

  it('survives a rebuild that throws (a folder replaced by a file mid-edit) and recovers', async () => {
    const events = await openEvents(`${site.origin}/__folio/events`);
    const talks = path.join(site.content, 'talks');
    try {
      await rename(talks, `${talks}-away`);
      await writeFile(talks, 'not a folder');
      await events.next('build-error');
      expect(site.events.at(-1)?.kind).toMatch(/^(failed|crashed)$/);
      expect((await fetch(`${site.origin}/talks/`)).status).toBe(200);
      await rename(talks, path.join(site.dir, 'talks-file'));
      await rename(`${talks}-away`, talks);
      await eventually(async () => (await events.next('reload')) && (await fetch(`${site.origin}/talks/`)).status === 200);
    } finally {
      events.close();
    }
  });

  it('renders again only the pages a save changed, and serves what a fresh build makes', async () => {
    const file = path.join(site.content, 'pages/teaching.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nA new course: Marker-Kept.\n`);
    await eventually(async () => (await (await fetch(`${site.origin}/teaching/`)).text()).includes('Marker-Kept'));
    const event = site.events.at(-1);
    if (event?.kind !== 'built') throw new Error(`the last rebuild did not succeed: ${event?.kind}`);
    const fresh = await renderSiteInMemory({ content: site.content, templates: path.join(ROOT, 'templates'), public: path.join(ROOT, 'public'), cacheDir: false });
    const pages = fresh.files.filter((f) => f.path.endsWith('.html'));
    // The teaching page changed, and the pages that show its title or text; most did not.
    expect(event.pagesKept).toBeGreaterThan(pages.length / 2);
    expect(event.pagesKept).toBeLessThan(pages.length);
    expect(event.files).toBe(fresh.files.length);
    for (const page of pages) {
      const served = await (await fetch(`${site.origin}/${page.path}`)).text();
      expect(served.replace(/<script src="\/__folio\/client\.js" data-build="[\w-]+" defer><\/script>/, ''), page.path).toBe(page.contents);
    }
  });
});
