import { describe, expect, it } from 'vitest';
import { scanBibtex } from '../../../src/content/bibtex/scan.js';
import { ContentError } from '../../../src/errors.js';

describe('scanBibtex', () => {
  it('finds entries with their line, column and original text, skipping @string, @preamble and @comment', () => {
    const text = [
      '% a comment line',
      '@string{icml = "ICML"}',
      '@preamble{"\\newcommand{\\noop}[1]{}"}',
      '@comment{@article{hidden, title={Hidden}}}',
      'stray text',
      '  @inproceedings{song2023, title = {A {B} C}, booktitle = icml}',
      '@article(paren, title = "X")',
    ].join('\n');
    const entries = scanBibtex(text, 'p.bib');
    expect(entries.map((e) => [e.key, e.type, e.line, e.column])).toEqual([
      ['song2023', 'inproceedings', 6, 3],
      ['paren', 'article', 7, 1],
    ]);
    expect(entries[0]!.text).toBe('@inproceedings{song2023, title = {A {B} C}, booktitle = icml}');
  });

  it('skips a Jekyll front-matter header (al-folio papers.bib)', () => {
    expect(scanBibtex('---\n---\n@misc{a, title={T}}', 'p.bib').map((e) => e.key)).toEqual(['a']);
  });

  it('reports an unclosed brace at the entry it opens, not at the end of the file', () => {
    const text = '@article{a, title={Fine}}\n\n@article{b, title = {Broken,\n  year = 2020\n}\n@article{c, title={Next}}\n';
    try {
      scanBibtex(text, 'p.bib');
      expect.unreachable();
    } catch (e) {
      expect((e as ContentError).diagnostic).toMatchObject({ code: 'BibSyntax', file: 'p.bib', line: 3, column: 9 });
    }
  });
});
