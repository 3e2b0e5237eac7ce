import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../src/check/html.js';
import { parsePage } from '../../src/check/parse.js';
import { at, checkFixture, placed } from './fixture.js';

/** A page valid under the recommended preset, with `body` inside <main>. */
const page = (body: string, head = '<title>T</title><meta name="description" content="D">') =>
  parsePage('p.html', `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`);

describe('HTML validity (html-validate, recommended preset)', () => {
  it('reports invalid HTML by line and rule, and allows <font> and ids starting with a digit (fixture invalid-html/)', async () => {
    const found = await checkFixture('invalid-html');
    expect(placed(found)).toEqual(['InvalidHtml index.html:10', 'InvalidHtml index.html:12', 'InvalidHtml index.html:14']);
    expect(at(found, 'index.html', 10).message).toContain('(html-validate: close-order)');
    expect(at(found, 'index.html', 12).message).toContain('(html-validate: element-permitted-content)');
    expect(at(found, 'index.html', 14)).toMatchObject({ column: 17, hint: 'See https://html-validate.org/rules/no-dup-attr.html' });
  });

  it('passes a valid page', async () => {
    expect(await checkHtml([page('<p>Fine.</p>')])).toEqual([]);
  });

  it('leaves duplicate ids, missing alt text and missing titles to their own checks', async () => {
    const found = await checkHtml([page('<p id="a"><img src="x.png" width="1" height="1"></p><p id="a">b</p>', '<meta name="description" content="D">')]);
    expect(found).toEqual([]);
  });

  it('allows what a generated homepage needs: long titles, trailing spaces, a named list', async () => {
    const long = `<title>${'A very long paper title '.repeat(5)}· Ada</title><meta name="description" content="D">`;
    expect(await checkHtml([page('<p>Line with spaces at its end.</p>   \n<ul aria-label="Profiles"><li>x</li></ul>', long)])).toEqual([]);
  });

  it('still reports deprecated elements other than <font>', async () => {
    const found = await checkHtml([page('<center>Old</center>')]);
    expect(found.map((d) => `${d.code} ${d.line}`)).toEqual(['InvalidHtml 9']);
    expect(found[0]!.message).toContain('deprecated');
  });
});
