import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a synthetic but realistic site: `entries` BibTeX entries across files of ~500 (with
 * accents, math, marks, abstracts and al-folio fields, as real lab files have), `pages` markdown
 * pages with front matter, and a few talks and news items. Deterministic: same sizes, same bytes.
 */
export async function generateSite(dir: string, entries: number, pages: number): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const sub of ['publications', 'pages/notes', 'talks', 'news']) await mkdir(path.join(dir, sub), { recursive: true });
  await writeFile(path.join(dir, 'site.yml'), SITE);
  const random = mulberry32(entries * 7919 + pages);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  const perFile = 500;
  for (let file = 0; file * perFile < entries; file++) {
    const chunk: string[] = [];
    for (let i = file * perFile; i < Math.min(entries, (file + 1) * perFile); i++) {
      const year = 1995 + (i % 31);
      const authors = Array.from({ length: 2 + (i % 6) }, (_, a) => (a === i % 3 ? 'Kova{\\v{c}}evi{\\\'c}*, Ada' : `${pick(FAMILY)}, ${pick(GIVEN)}`));
      const type = pick(['article', 'inproceedings', 'inproceedings', 'misc', 'phdthesis']);
      const venue = type === 'article' ? `journal = {${pick(JOURNALS)}}` : type === 'phdthesis' ? 'school = {Northfield University}' : `booktitle = {${pick(CONFERENCES)}}`;
      chunk.push(`@${type}{entry${i},
  title    = {${pick(ADJECTIVES)} ${pick(TOPICS)} for ${pick(TOPICS)}: the $\\ell_${(i % 3) + 1}$ case ${i}},
  author   = {${authors.join(' and ')}},
  ${venue},
  year     = {${year}},
  month    = ${pick(['jan', 'mar', 'jun', 'sep', 'dec'])},
  pages    = {${i % 90}--${(i % 90) + 12}},
  abbr     = {${pick(['ICML', 'NeurIPS', 'JMLR', 'ICLR', 'COLT'])}},
  arxiv    = {${2000 + (i % 500)}.${String(10000 + i).slice(-5)}},
  doi      = {10.5555/folio.${i}},
  keywords = {${pick(TOPICS).toLowerCase()}, ${pick(TOPICS).toLowerCase()}},
  selected = {${i % 97 === 0}},
  abstract = {${ABSTRACT} Entry ${i} studies ${pick(TOPICS).toLowerCase()} with care.},
}
`);
    }
    await writeFile(path.join(dir, 'publications', `papers-${String(file).padStart(3, '0')}.bib`), chunk.join('\n'));
  }

  await writeFile(path.join(dir, 'pages', 'index.md'), `---\ntitle: About\npermalink: /\n---\n\n${PARAGRAPH}\n`);
  for (let i = 1; i < pages; i++) {
    const body = Array.from({ length: 4 }, (_, p) => `## Section ${p + 1}\n\n${PARAGRAPH} See [the publications](/publications/) and *item ${i}*.\n\n- one\n- two with \`code\`\n`).join('\n');
    await writeFile(path.join(dir, 'pages', 'notes', `note-${String(i).padStart(5, '0')}.md`), `---\ntitle: "Note ${i}: ${pick(TOPICS)}"\ndate: 2024-0${(i % 9) + 1}-1${i % 9}\n---\n\n${body}`);
  }
  for (let i = 0; i < 5; i++) {
    await writeFile(path.join(dir, 'talks', `talk-${i}.md`), `---\ntitle: "Talk ${i} on ${TOPICS[i]}"\ndeliveries:\n  - {event: "Seminar ${i}", kind: Invited Talk, location: "Zürich, Switzerland", date: 2024-0${i + 1}-10}\n---\n\nAbstract of talk ${i}.\n`);
    await writeFile(path.join(dir, 'news', `2024-0${i + 1}-01-news-${i}.md`), `---\ndate: 2024-0${i + 1}-01\n---\n\nNews item ${i}.\n`);
  }
}

/** A small, fast, seedable generator: the same site every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SITE = `title: Benchmark Lab
url: https://bench.example.org
author:
  name: Ada Kovačević
  position: Professor
  name_variants: ["Kovacevic, A."]
publications:
  numbered: true
  max_authors: 5
`;
const FAMILY = ['Müller', 'Nováková', 'García', 'Øster', 'Smith', 'Chen', 'Nakamura', 'O\'Neill', 'Dubois', 'Rossi', 'Kim', 'Haddad'];
const GIVEN = ['Anna', 'Jonas', 'Marí{\\\'a}', 'Søren', 'Wei', 'Yuki', 'Giulia', 'Samir', 'Petra', 'Tomáš'];
const JOURNALS = ['Journal of Machine Learning Research', 'SIAM Journal on Optimization', 'Transactions on Machine Learning Research', 'Mathematical Programming'];
const CONFERENCES = ['Advances in Neural Information Processing Systems', 'Proceedings of the International Conference on Machine Learning', 'International Conference on Learning Representations', 'Conference on Learning Theory'];
const ADJECTIVES = ['Sharp', 'Stable', 'Adaptive', 'Implicit', 'Provable', 'Fast', 'Robust'];
const TOPICS = ['Optimization', 'Sharpness', 'Momentum', 'Generalization', 'Schedules', 'Transformers', 'Sampling', 'Kernels'];
const ABSTRACT = 'We study first-order methods in the regime where the step size is large and the loss is non-convex. Our analysis gives rates that hold at every step and explains when adaptive methods help.';
const PARAGRAPH = 'Folio builds academic homepages from plain files. This paragraph has **bold**, _emphasis_, a [link](https://example.org/) and enough words to look like a real page of notes that a researcher keeps about their work and teaching.';
