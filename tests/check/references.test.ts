import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/check/parse.js';
import { referencesOf, refreshTarget, srcsetUrls } from '../../src/check/references.js';

describe('referencesOf', () => {
  it('finds links and assets with their element, attribute and place', () => {
    const html = [
      '<link rel="stylesheet" href="a.css"><link rel="canonical" href="https://x.org/"><link rel="icon" href="i.svg">',
      '<a href="p/">P</a><img src="a.png" srcset="a.png 1x, a@2x.png 2x" alt="">',
      '<script src="s.js"></script><video src="v.mp4" poster="v.jpg"></video><iframe src="f.html"></iframe>',
      '<svg><use href="sprite.svg#i"></use><use xlink:href="old.svg#i"></use></svg><a>no href</a>',
    ].join('\n');
    expect(referencesOf(parsePage('x.html', html)).map((r) => `${r.kind} ${r.source} ${r.url} ${r.line}:${r.column}`)).toEqual([
      'asset link href a.css 1:24',
      'link link href https://x.org/ 1:59',
      'asset link href i.svg 1:98',
      'link a href p/ 2:4',
      'asset img src a.png 2:24',
      'asset img srcset a.png 2:36',
      'asset img srcset a@2x.png 2:36',
      'asset script src s.js 3:9',
      'asset video src v.mp4 3:36',
      'asset video poster v.jpg 3:48',
      'asset iframe src f.html 3:79',
      'asset use href sprite.svg#i 4:11',
      'asset use xlink:href old.svg#i 4:42',
    ]);
  });

  it('follows social-preview and Google Scholar meta URLs, and no other meta content', () => {
    const page = parsePage('p.html', [
      '<meta property="og:url" content="https://x.org/p/"><meta property="og:image" content="https://x.org/a.svg">',
      '<meta name="citation_pdf_url" content="https://x.org/p.pdf"><meta name="twitter:image" content="/t.png">',
      '<meta name="description" content="https://x.org/not-a-link"><meta property="og:title" content="/title">',
    ].join(''));
    expect(referencesOf(page).map((r) => `${r.kind} ${r.source} ${r.url}`)).toEqual([
      'link meta og:url https://x.org/p/',
      'asset meta og:image https://x.org/a.svg',
      'asset meta citation_pdf_url https://x.org/p.pdf',
      'asset meta twitter:image /t.png',
    ]);
  });

  it('follows the meta refresh of a redirect page', () => {
    const page = parsePage('old.html', '<meta http-equiv="Refresh" content="0; url=https://x.org/new/">');
    expect(referencesOf(page)).toMatchObject([{ kind: 'link', source: 'meta refresh', url: 'https://x.org/new/' }]);
  });
});

describe('srcsetUrls', () => {
  it.each([
    ['a.png', ['a.png']],
    ['a.png 1x, b.png 2x', ['a.png', 'b.png']],
    ['a.png 480w,b.png 800w', ['a.png', 'b.png']],
    ['  a.png  ,  b.png 2x  ', ['a.png', 'b.png']],
    ['a,b.png 1x, c.png 2x', ['a,b.png', 'c.png']],
    ['', []],
  ])('%j has the URLs %j', (srcset, urls) => {
    expect(srcsetUrls(srcset)).toEqual(urls);
  });
});

describe('refreshTarget', () => {
  it.each([
    ['0; url=https://x.org/', 'https://x.org/'],
    ['0;URL=\'/new/\'', '/new/'],
    ['5, /new/', '/new/'],
    ['0', undefined],
    ['soon', undefined],
  ])('%j goes to %s', (content, target) => {
    expect(refreshTarget(content)).toBe(target);
  });
});
