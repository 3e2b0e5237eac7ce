import { describe, expect, it } from 'vitest';
import { linksOf } from '../../../src/render/markdown/links.js';

describe('linksOf', () => {
  it('finds links, images and reference definitions where they are written', () => {
    const md = 'Intro.\n\nMy [thesis](/files/thesis.pdf) and ![me](/images/me.jpg "Me").\n\n[slides]: /files/slides.pdf\n';
    expect(linksOf(md)).toEqual([
      { url: '/files/thesis.pdf', line: 3, column: 4 },
      { url: '/images/me.jpg', line: 3, column: 36 },
      { url: '/files/slides.pdf', line: 5, column: 1 },
    ]);
  });

  it('finds the URLs of raw HTML, on the line they are written', () => {
    const md = 'Text <a href="/files/a.pdf">a</a>\n\n<figure>\n  <img alt="x" src=\'/images/x.png\'>\n</figure>\n';
    expect(linksOf(md)).toEqual([
      { url: '/files/a.pdf', line: 1, column: 9 },
      { url: '/images/x.png', line: 4, column: 16 },
    ]);
  });

  it('gives URLs as written (unescaped, not yet percent-encoded), and skips code', () => {
    expect(linksOf('[a](</files/a b.pdf>) [b](/files/a%20b.pdf) [c](/files/a\\_b.pdf) `[d](/x.pdf)`\n\n    [e](/y.pdf)\n').map((l) => l.url)).toEqual(['/files/a b.pdf', '/files/a%20b.pdf', '/files/a_b.pdf']);
  });
});
