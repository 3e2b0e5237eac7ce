import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuiltSite } from '../helpers/build-fixture.js';
import { serveExampleCopy, type ServedCopy } from './helpers.js';

describe('folio serve for a project site (a base path)', () => {
  let site: ServedCopy;
  beforeAll(async () => {
    site = await serveExampleCopy({ baseUrl: 'https://u.github.io/repo/' });
  });
  afterAll(() => site?.close());

  it('serves the site under the base path and sends the bare root there', async () => {
    expect(site.server.url).toBe(`${site.origin}/repo/`);
    const root = await fetch(`${site.origin}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/repo/']);
    const bare = await fetch(`${site.origin}/repo`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([302, '/repo/']);
    const home = await fetch(`${site.origin}/repo/`);
    expect(home.status).toBe(200);
    // Links are relative, so the publications link resolves under the base path.
    expect(await home.text()).toContain('href="publications/"');
    expect((await fetch(new URL('publications/', home.url))).status).toBe(200);
    expect((await fetch(`${site.origin}/repo/assets/css/folio.css`)).status).toBe(200);
    const folder = await fetch(`${site.origin}/repo/publications`, { redirect: 'manual' });
    expect([folder.status, folder.headers.get('location')]).toEqual([302, '/repo/publications/']);
  });

  it('answers paths outside the base path with the 404 page', async () => {
    for (const outside of ['/publications/', '/assets/css/folio.css', '/repository/']) {
      const response = await fetch(`${site.origin}${outside}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('/repo/');
    }
  });
});

describe('the live-reload script', () => {
  let site: ServedCopy;
  let built: BuiltSite;
  beforeAll(async () => {
    [site, built] = await Promise.all([serveExampleCopy(), buildFixture('content')]);
  });
  afterAll(async () => {
    await site?.close();
    await built?.cleanup();
  });

  it('is added to served pages only: a build writes none, and serves the same page without it', async () => {
    for (const file of built.files) expect(await built.text(file), file).not.toContain('__folio');
    for (const [url, file] of [['/', 'index.html'], ['/publications/', 'publications/index.html'], ['/nowhere', '404.html']] as const) {
      const served = await (await fetch(`${site.origin}${url}`)).text();
      expect(served).toContain('/__folio/client.js');
      expect(served.replace(/<script src="\/__folio\/client\.js"[^>]*><\/script>/, '')).toBe(await built.text(file));
    }
  });
});
