import { describe, expect, it } from 'vitest';
import { defaultPagePath, resolveTarget } from '../../src/model/permalinks.js';

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
