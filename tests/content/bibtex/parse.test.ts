import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../src/content/bibtex/parse.js';
import { ContentError } from '../../../src/errors.js';

/** The diagnostic parseBibtex throws for `text`. */
async function failure(text: string) {
  try {
    await parseBibtex(text, 'p.bib');
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return (e as ContentError).diagnostic;
  }
  return expect.fail('parseBibtex read the file');
}

describe('parseBibtex', () => {
  it.each([
    ['a lone `$`', 'A prize of 5$'],
    ['a `$` after an escaped backslash', 'x \\\\$'],
    ['math that crosses a brace', '{$} {$x$}'],
  ])('reads %s as BibTeX does, keeping the field as written', async (_, title) => {
    const [entry] = await parseBibtex(`@article{a,\n  title = {${title}},\n  year = 2020\n}\n`, 'p.bib');
    expect(entry!.fields.title).toBe(title);
    expect(entry!.csl.title).toContain('$');
  });

  it('reads math as math where it can', async () => {
    const [entry] = await parseBibtex('@article{a, title = {The $\\ell_1$ case}}\n', 'p.bib');
    expect(entry!.fields.title).toBe('The $\\ell_1$ case');
  });

  it('points a syntax error citation-js finds at the entry it is in', async () => {
    const text = '@string{icml = "ICML"}\n\n@article{a,\n  title = {Fine},\n}\n\n@article{b,#\n  title = {x},\n}\n\n@article{c, title = {Also fine}}\n';
    expect(await failure(text)).toMatchObject({ code: 'BibSyntax', file: 'p.bib', line: 7, column: 1 });
  });
});
