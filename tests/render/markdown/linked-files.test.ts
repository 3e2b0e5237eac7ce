import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../../src/errors.js';
import { reportMissingLinkedFiles } from '../../../src/render/markdown/linked-files.js';

const SITE = new Set(['index.html', 'research/index.html', 'about.html', 'files/thesis.pdf', 'files/a b.pdf', 'images/Portrait.jpg']);

/** The MissingLinkedFile warnings of one page whose body starts on line 5 of its file. */
async function check(body: string, siteFiles: ReadonlySet<string> = SITE) {
  const bag = new DiagnosticBag();
  await reportMissingLinkedFiles([{ file: 'content/pages/index.md', body, bodyLine: 5 }], siteFiles, bag);
  return bag.list().map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column, message: d.message, hint: d.hint }));
}

describe('reportMissingLinkedFiles', () => {
  it('warns about a link or image to a file the site lacks, at its line and column in the file', async () => {
    expect(await check('Hello.\n\nMy [CV](/files/cv.pdf).')).toEqual([
      expect.objectContaining({ code: 'MissingLinkedFile', severity: 'warning', line: 7, column: 4, message: expect.stringContaining('/files/cv.pdf') }),
    ]);
    expect(await check('<img src="/images/me.jpg" alt="Me">')).toEqual([expect.objectContaining({ line: 5, column: 6 })]);
  });

  it('suggests the file whose name differs only a little (case counts on GitHub Pages)', async () => {
    expect((await check('![Me](/images/portrait.jpg)'))[0]?.hint).toContain('/images/Portrait.jpg');
  });

  it.each([
    ['files of the site', '[t](/files/thesis.pdf) [a](/files/a%20b.pdf) [b](</files/a b.pdf>) [q](/files/thesis.pdf?v=2#page=3)'],
    ['pages, which folio check looks at', '[r](/research/) [x](/missing/) [h](/about.html)'],
    ['other sites and relative links', '[x](https://x.org/a.pdf) [y](//cdn.x/a.pdf) [z](files/a.pdf) [m](mailto:a@b.c)'],
    ['paths in code and prose', '`/files/nope.pdf` and see /files/nope.pdf in the text\n\n```\n[x](/files/nope.pdf)\n```'],
  ])('leaves alone %s', async (_, body) => {
    expect(await check(body)).toEqual([]);
  });
});
