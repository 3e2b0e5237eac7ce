import { describe, expect, it } from 'vitest';
import { at, checkFixture, placed } from './fixture.js';

describe('links and assets inside the site', () => {
  it('reports every link to a missing page or file, and nothing else (fixture links/)', async () => {
    const found = await checkFixture('links');
    expect(placed(found)).toEqual([
      'BrokenLink 404.html:11',
      'BrokenLink about/index.html:11',
      'BrokenLink index.html:12',
      'BrokenLink index.html:13',
      'BrokenLink index.html:14',
    ]);
    expect(at(found, 'index.html', 12).message).toContain('`missing/`');
    expect(at(found, 'index.html', 14).message).toContain('nothing at about/contact/');
    expect(at(found, 'about/index.html', 11).message).toContain('nothing at cv.pdf');
  });

  it('reports relative links on 404.html, which is served at every depth', async () => {
    const found = await checkFixture('links');
    expect(at(found, '404.html', 11)).toMatchObject({ column: 7, message: expect.stringContaining('404.html is shown at every missing address') });
  });

  it('reports every missing image, srcset candidate, stylesheet and script (fixture assets/)', async () => {
    const found = await checkFixture('assets');
    expect(placed(found)).toEqual(['MissingAsset index.html:9', 'MissingAsset index.html:14', 'MissingAsset index.html:15', 'MissingAsset index.html:16']);
    expect(found.map((d) => /`([^`]+)`/.exec(d.message)?.[1])).toEqual(['/css/print.css', 'images/missing.png', 'images/photo@2x.jpg', 'js/app.js']);
    expect(at(found, 'index.html', 15).column).toBe(32);
  });

  it('reports paths that match a file only when letter case is ignored (fixture case-mismatch/)', async () => {
    const found = await checkFixture('case-mismatch');
    expect(placed(found)).toEqual(['CaseMismatch index.html:10', 'CaseMismatch index.html:11', 'CaseMismatch index.html:12']);
    expect(found.map((d) => d.column)).toEqual([9, 7, 7]);
    expect(at(found, 'index.html', 10).message).toContain('matches images/avatar.jpg');
    expect(at(found, 'index.html', 12).message).toContain('matches talks/index.html');
  });

  it('follows links of a site under a base path, as GitHub Pages serves a project site (fixture base-path/)', async () => {
    const found = await checkFixture('base-path', { origin: 'https://user.github.io', basePath: '/repo' });
    expect(placed(found)).toEqual([
      'BrokenLink 404.html:13',
      'MissingAsset 404.html:13',
      'LinkOutsideBasePath index.html:14',
      'LinkOutsideBasePath index.html:15',
      'BrokenLink index.html:16',
      'LinkOutsideBasePath talks/index.html:11',
    ]);
    expect(at(found, 'talks/index.html', 11).message).toContain('leads to /, outside the base path /repo/');
  });

  it('reads the same tree at a domain root as broken in other places', async () => {
    const found = await checkFixture('base-path');
    // `/repo/…` now names a folder that does not exist, and `https://user.github.io/…` another site.
    expect(placed(found)).toContain('BrokenLink index.html:12');
    expect(found.some((d) => d.code === 'LinkOutsideBasePath')).toBe(false);
  });

  it('follows redirect pages: canonical link, meta refresh and fallback link (fixture redirects/)', async () => {
    const found = await checkFixture('redirects');
    expect(found.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      'BrokenLink moved/index.html:1:112',
      'BrokenLink moved/index.html:1:225',
      'BrokenLink moved/index.html:1:343',
    ]);
    expect(found.map((d) => /\((.+)\)/.exec(d.message)?.[1])).toEqual(['link href', 'meta refresh', 'a href']);
  });
});
