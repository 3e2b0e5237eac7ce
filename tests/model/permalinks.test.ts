import { describe, expect, it } from 'vitest';
import { DiagnosticBag, type SourceLocation } from '../../src/errors.js';
import { builtFilePaths, defaultPagePath, reportPathClashes, resolveTarget } from '../../src/model/permalinks.js';

describe('resolveTarget', () => {
  it.each([
    ['/', '/', 'index.html'],
    ['/publications/', '/publications/', 'publications/index.html'],
    ['/about.html', '/about.html', 'about.html'],
    ['/about', '/about/', 'about/index.html'],
    ['about/', '/about/', 'about/index.html'],
    ['/a//b/', '/a/b/', 'a/b/index.html'],
    ['/feed.xml', '/feed.xml', 'feed.xml'],
    ['/a/../b/', '/b/', 'b/index.html'],
  ])('%s → %s in %s', (input, url, outputPath) => {
    expect(resolveTarget(input)).toEqual({ url, outputPath });
  });

  it.each(['../x/', '/../../etc/passwd', '/a/../../b'])('refuses %s, which climbs out of the site', (input) => {
    expect(resolveTarget(input)).toBeUndefined();
  });
});

describe('defaultPagePath', () => {
  it.each([
    ['index.md', '/'],
    ['about.md', '/about/'],
    ['team/index.md', '/team/'],
    ['teaching/ta.markdown', '/teaching/ta/'],
  ])('%s → %s', (file, url) => {
    expect(defaultPagePath(file)).toBe(url);
  });
});

describe('reportPathClashes', () => {
  const page = (line: number): SourceLocation => ({ file: 'content/pages/a.md', line, field: 'permalink' });
  const clashes = (placed: [string, SourceLocation | undefined][], built: string[] = builtFilePaths({ hasNews: false, publicationSlugs: [] })) => {
    const bag = new DiagnosticBag();
    reportPathClashes(new Map(placed), built, bag);
    return bag.list().map((d) => [d.code, d.line, d.message]);
  };

  it('reports a page inside a folder named like another file of the site, at the page', () => {
    expect(clashes([['a.html', page(2)], ['a.html/b/index.html', page(3)]])).toEqual([['PermalinkCollision', 3, expect.stringContaining('a.html would have to be a file and a folder')]]);
    expect(clashes([['404.html', undefined], ['404.html/old/index.html', page(4)]])).toEqual([['PermalinkCollision', 4, expect.any(String)]]);
    expect(clashes([['sitemap.xml/index.html', page(5)]])).toEqual([['PermalinkCollision', 5, expect.any(String)]]);
  });

  it('reports a page or redirect at the path of a file Folio writes', () => {
    expect(clashes([['robots.txt', page(2)]])).toEqual([['PermalinkCollision', 2, expect.stringContaining('robots.txt')]]);
    expect(clashes([['feed.xml', page(2)]])).toEqual([]);
    expect(clashes([['feed.xml', page(2)]], builtFilePaths({ hasNews: true, publicationSlugs: ['ada'] }))).toEqual([['PermalinkCollision', 2, expect.any(String)]]);
  });

  it('leaves alone folders that hold several files, and clashes no user path is part of', () => {
    expect(clashes([['a/index.html', page(2)], ['a/b/index.html', page(3)], ['a/x.pdf', undefined]])).toEqual([]);
    expect(clashes([['publications', undefined], ['publications/index.html', undefined]])).toEqual([]);
  });
});
