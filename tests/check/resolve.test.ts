import { describe, expect, it } from 'vitest';
import { pageUrl, resolveUrl, type SiteAddress } from '../../src/check/resolve.js';

const root: SiteAddress = { origin: 'https://ada.github.io', basePath: '' };
const repo: SiteAddress = { origin: 'https://user.github.io', basePath: '/repo' };

describe('resolveUrl', () => {
  it.each([
    ['talks/', 'index.html', root, { type: 'site', path: 'talks/', fragment: '' }],
    ['../cv/#education', 'talks/index.html', root, { type: 'site', path: 'cv/', fragment: 'education' }],
    ['#main', 'talks/index.html', root, { type: 'site', path: 'talks/index.html', fragment: 'main' }],
    ['#main', '404.html', repo, { type: 'site', path: '404.html', fragment: 'main' }],
    ['/files/my%20paper.pdf', 'index.html', root, { type: 'site', path: 'files/my paper.pdf', fragment: '' }],
    ['https://ada.github.io/cv/', 'index.html', root, { type: 'site', path: 'cv/', fragment: '' }],
    ['  /cv/  ', 'index.html', root, { type: 'site', path: 'cv/', fragment: '' }],
    ['/repo/cv/', 'index.html', repo, { type: 'site', path: 'cv/', fragment: '' }],
    ['/repo', 'cv/index.html', repo, { type: 'site', path: '', fragment: '' }],
    ['../', 'cv/index.html', repo, { type: 'site', path: '', fragment: '' }],
    ['/cv/', 'index.html', repo, { type: 'outside', pathname: '/cv/' }],
    ['../../', 'cv/index.html', repo, { type: 'outside', pathname: '/' }],
    ['/repository/', 'index.html', repo, { type: 'outside', pathname: '/repository/' }],
    ['https://user.github.io/other/', 'index.html', repo, { type: 'external' }],
    ['//user.github.io/other/', 'index.html', repo, { type: 'external' }],
    ['https://example.org/', 'index.html', root, { type: 'external' }],
    ['mailto:ada@example.org', 'index.html', root, { type: 'external' }],
    ['data:image/png;base64,AAAA', 'index.html', root, { type: 'external' }],
    ['/files/%E0%A4%A.pdf', 'index.html', root, { type: 'malformed', reason: expect.stringContaining('%') }],
    ['http//x', 'index.html', root, { type: 'malformed', reason: expect.stringContaining('`:`') }],
  ])('%s on %s (base %o) is %o', (url, from, address, expected) => {
    expect(resolveUrl(url, from, address)).toEqual(expected);
  });

  it('follows relative links on 404.html from a deep address, where they find nothing', () => {
    expect(resolveUrl('cv/', '404.html', repo)).toMatchObject({ type: 'site', path: expect.stringMatching(/\/cv\/$/) });
    expect(resolveUrl('/repo/cv/', '404.html', repo)).toEqual({ type: 'site', path: 'cv/', fragment: '' });
  });
});

describe('pageUrl', () => {
  it.each([
    ['index.html', repo, 'https://user.github.io/repo/'],
    ['talks/index.html', repo, 'https://user.github.io/repo/talks/'],
    ['about.html', root, 'https://ada.github.io/about.html'],
  ])('%s at %o is %s', (path, address, expected) => {
    expect(pageUrl(path, address)).toBe(expected);
  });
});
