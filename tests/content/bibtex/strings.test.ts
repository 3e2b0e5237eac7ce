import { describe, expect, it } from 'vitest';
import { scanBibtexFile } from '../../../src/content/bibtex/scan.js';
import { stringsUsedBy } from '../../../src/content/bibtex/strings.js';

const FILE = `@string{neurips = "Advances in Neural Information Processing Systems"}
@STRING{ proc = "Proceedings of the " }
@string{icml = proc # "International Conference on Machine Learning"}
@string{unused = "Never used"}

@inproceedings{a2024,
  title = {A},
  booktitle = neurips,
  month = jun,
  year = 2024
}
@inproceedings{b2023,
  title = {B},
  booktitle = ICML # " (Workshop)",
}
@article{c2022,
  title = {C = {neurips}},
  journal = "icml",
}`;

describe('stringsUsedBy', () => {
  const { entries, blocks } = scanBibtexFile(FILE, 'papers.bib');
  const used = (key: string) => stringsUsedBy(entries.find((e) => e.key === key)!.text, blocks);

  it('finds the @string an entry uses, as written', () => {
    expect(used('a2024')).toEqual(['@string{neurips = "Advances in Neural Information Processing Systems"}']);
  });

  it('follows a @string that uses another, case-insensitively, in file order', () => {
    expect(used('b2023')).toEqual(['@STRING{ proc = "Proceedings of the " }', '@string{icml = proc # "International Conference on Machine Learning"}']);
  });

  it('ignores words inside braces and quotes', () => {
    expect(used('c2022')).toEqual([]);
  });
});
