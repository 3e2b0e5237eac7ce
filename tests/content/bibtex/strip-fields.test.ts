import { describe, expect, it } from 'vitest';
import { stripFields } from '../../../src/content/bibtex/strip-fields.js';

describe('stripFields', () => {
  it('drops display-only fields and keeps every other byte as written', () => {
    const entry = [
      '@inproceedings{kovacevic2025,',
      '  title     = {Schedule-Free {Optimizers}, and $\\ell_2$},',
      '  author    = "M{\\"u}ller, Jonas and Kova{\\v{c}}evi{\\\'c}, Ada",',
      '  abbr      = {ICML},',
      '  booktitle = icml # " 2025",',
      '  month     = jul,',
      '  selected  = {true},',
      '  pdf       = {papers/x.pdf}',
      '}',
    ].join('\n');
    expect(stripFields(entry)).toBe(
      [
        '@inproceedings{kovacevic2025,',
        '  title     = {Schedule-Free {Optimizers}, and $\\ell_2$},',
        '  author    = "M{\\"u}ller, Jonas and Kova{\\v{c}}evi{\\\'c}, Ada",',
        '  booktitle = icml # " 2025",',
        '  month     = jul,',
        '}',
      ].join('\n'),
    );
  });

  it('handles one-line entries, parentheses and upper-case field names', () => {
    expect(stripFields('@misc(a, title="T", ABBR={X}, year=2020)')).toBe('@misc(a, title="T", year=2020)');
  });

  it('leaves an entry with nothing to drop untouched', () => {
    const entry = '@article{b,\n  title = {A, B},\n  year = 2020,\n}';
    expect(stripFields(entry)).toBe(entry);
  });
});
