import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex, type BibEntry } from '../../src/content/bibtex/parse.js';
import { DiagnosticBag } from '../../src/errors.js';
import { nameMatcher } from '../../src/model/names.js';
import { slugOfKey, toPublication, type Publication, type PublicationContext } from '../../src/model/publication.js';
import { ROOT } from '../helpers/build-fixture.js';

const QUIRKS = path.join(ROOT, 'tests/fixtures/bib/quirks.bib');

function context(overrides: Partial<PublicationContext> = {}): PublicationContext {
  return {
    isOwner: nameMatcher(['Ada Kovačević']),
    coauthors: [{ family: 'Højberg', given: ['Søren', 'S.'], url: 'https://hojberg.example.org/' }],
    citationCounts: new Map([['goedel2021', 12]]),
    files: { public: new Set(['files/known.pdf', 'assets/pdf/alfolio.pdf']), besideBib: new Map([['beside.pdf', '/abs/content/publications/beside.pdf']]) },
    bag: new DiagnosticBag(),
    ...overrides,
  };
}

async function entryFrom(bibtex: string): Promise<BibEntry> {
  const [entry] = await parseBibtex(bibtex, 'test.bib');
  return entry!;
}

describe('a real-world-shaped .bib file (tests/fixtures/bib/quirks.bib)', () => {
  let entries: BibEntry[];
  let byKey: Map<string, Publication>;
  beforeAll(async () => {
    entries = await parseBibtex(await readFile(QUIRKS, 'utf8'), QUIRKS);
    byKey = new Map(entries.map((e) => [e.key, toPublication(e, context())]));
  });

  it('skips comments, stray text, @preamble, @string and an entry hidden in @comment{…}', () => {
    expect(entries.map((e) => e.key)).not.toContain('ghost2020');
    expect(entries.map((e) => e.type)).toEqual(['article', 'inproceedings', 'misc', 'proceedings', 'phdthesis', 'mastersthesis', 'techreport', 'unpublished', 'book', 'incollection', 'online', 'software']);
  });

  it('decodes accents and removes case braces', () => {
    const p = byKey.get('goedel2021')!;
    expect(p.title).toBe('Über formal unentscheidbare Sätze: a BibTeX reading');
    expect(p.authors.map((a) => a.name)).toEqual(['Kurt Gödel', 'Jérôme Müller-Schmidt', 'Ivana Škorić']);
    expect(p.venue).toBe('Journal of Machine Learning Research');
    expect([p.year, p.month]).toEqual([2021, 3]);
    expect(p.meta).toMatchObject({ volume: '22', issue: '7', firstPage: '1', lastPage: '35', doi: '10.5555/goedel.2021', date: '2021/3' });
  });

  it('expands @string macros joined with #, month macros, dotless-i accents, ß, ø, ç and "and others"', () => {
    const p = byKey.get('garcia2023')!;
    expect(p.venue).toBe('Advances in Neural Information Processing Systems 36');
    expect(p.month).toBe(12);
    expect(p.authors.map((a) => a.name)).toEqual(['María García', 'Jonas Straße', 'Søren Højberg', 'Luc François', 'et al.']);
    expect(p.authors.at(-1)).toMatchObject({ others: true });
  });

  it('renders math with KaTeX as MathML and keeps the TeX for plain text', () => {
    const p = byKey.get('garcia2023')!;
    expect(p.titleHtml).toContain('<math');
    expect(p.titleHtml).not.toContain('$');
    expect(p.title).toContain('\\ell_\\infty');
  });

  it('decodes \\emph, \\%, \\& and \\_ in a note', () => {
    expect(byKey.get('garcia2023')!.noteHtml).toBe('<i>Spotlight</i>, top 3% &amp; more _ here');
  });

  it('fills fields from the crossref entry and treats the parent title as booktitle', () => {
    const p = byKey.get('garcia2023')!;
    expect(p.meta.publisher).toBe('Curran Associates');
    expect(entries.find((e) => e.key === 'neurips2023')!.crossrefParent).toBe(true);
  });

  it('reads von particles, Jr. suffixes and braced corporate authors', () => {
    const p = byKey.get('vonneumann2024')!;
    expect(p.authors.map((a) => a.name)).toEqual(['John von Neumann', 'Ana De la Fuente', 'Martin King, Jr.', 'World Health Organization']);
    expect(p.titleHtml).toBe('<i>Games</i> and <b>Economic</b> Behavior<sup>2</sup>');
    expect(p.links.find((l) => l.id === 'arxiv')?.url).toBe('https://arxiv.org/abs/2401.01234');
    expect(p.kind).toBe('preprint');
  });

  it('sorts every entry type into a kind', () => {
    const kinds = Object.fromEntries([...byKey].map(([k, p]) => [k, p.kind]));
    expect(kinds).toMatchObject({
      goedel2021: 'journal',
      garcia2023: 'conference',
      kovacevic2024thesis: 'thesis',
      kovacevic2019msc: 'thesis',
      kovacevic2022tr: 'other',
      kovacevic2025draft: 'preprint',
      knuth1984: 'book',
      kovacevic2020chapter: 'book',
      optstab2024site: 'other',
      optstab2024code: 'other',
    });
    expect(byKey.get('kovacevic2024thesis')!.meta.dissertationInstitution).toBe('Northfield University');
    expect(byKey.get('kovacevic2022tr')!.meta.reportInstitution).toBe('Lakeside Institute of Technology');
  });

  it('bolds the owner and links co-authors from coauthors.yml, accents aside', () => {
    expect(byKey.get('kovacevic2024thesis')!.authors[0]).toMatchObject({ name: 'Ada Kovačević', owner: true });
    expect(byKey.get('garcia2023')!.authors[2]).toMatchObject({ name: 'Søren Højberg', url: 'https://hojberg.example.org/' });
    expect(byKey.get('garcia2023')!.authors[0]!.url).toBeUndefined();
  });

  it('takes citation counts from citations.yml', () => {
    expect(byKey.get('goedel2021')!.citations).toBe(12);
    expect(byKey.get('garcia2023')!.citations).toBeUndefined();
  });
});

describe('toPublication', () => {
  it('shows a note that only states the status once, as the status', async () => {
    const p = toPublication(await entryFrom('@misc{a, title={T}, author={Song*, Minhak}, note={Under Review at ICLR 2026}}'), context());
    expect(p.status).toBe('Under Review at ICLR 2026');
    expect(p.noteHtml).toBeUndefined();
    const q = toPublication(await entryFrom('@misc{b, title={T}, note={Preprint; code at the link below, and a much longer explanation of what the code does}}'), context());
    expect(q.status).toBe('Preprint');
    expect(q.noteHtml).toContain('code at the link below');
  });

  it('reads al-folio fields: award, venue_extra, abbr, selected, additional_info', async () => {
    const p = toPublication(
      await entryFrom('@inproceedings{a, title={T}, booktitle={ICLR}, abbr={ICLR}, selected={true}, award_name={Best Paper}, award={Chosen from 3,000 papers.}, venue_extra={ICML 2024 Workshop on X [ICMLW 2024]; NeurIPS 2023 Workshop on Y}, additional_info={, \\textbf{Oral}}}'),
      context(),
    );
    expect(p).toMatchObject({ abbr: 'ICLR', selected: true, award: { name: 'Best Paper', detailHtml: 'Chosen from 3,000 papers.' }, additionalInfoHtml: ', <b>Oral</b>' });
    expect(p.extraVenuesHtml).toEqual(['ICML 2024 Workshop on X [ICMLW 2024]', 'NeurIPS 2023 Workshop on Y']);
  });

  it('keeps equal-contribution marks apart from the name and still matches the owner', async () => {
    const p = toPublication(await entryFrom('@misc{a, title={T}, author={Baek*, Beomhan and Kova{\\v{c}}evi{\\\'c}*†, Ada}}'), context());
    expect(p.authors.map((a) => [a.name, a.mark, a.owner])).toEqual([['Beomhan Baek', '*', false], ['Ada Kovačević', '*†', true]]);
  });

  it('finds relative files in public/, in al-folio\'s assets/pdf/ and beside the .bib file, and reports missing ones', async () => {
    const bag = new DiagnosticBag();
    const p = toPublication(await entryFrom('@misc{Smith:2020/x, title={T}, pdf={files/known.pdf}, slides={alfolio.pdf}, poster={beside.pdf}, supp={missing.pdf}}'), context({ bag }));
    expect(p.slug).toBe('Smith-2020-x');
    expect(Object.fromEntries(p.links.map((l) => [l.id, l.url]))).toEqual({ pdf: '/files/known.pdf', slides: '/assets/pdf/alfolio.pdf', poster: '/publications/Smith-2020-x/beside.pdf' });
    expect(p.attachments).toEqual([{ from: '/abs/content/publications/beside.pdf', to: 'publications/Smith-2020-x/beside.pdf' }]);
    expect(bag.list(false)).toMatchObject([{ code: 'MissingLinkedFile', severity: 'warning', field: 'supp', file: 'test.bib', line: 1 }]);
  });

  it('refuses javascript: and data: URLs with an error naming the field', async () => {
    const bag = new DiagnosticBag();
    const p = toPublication(await entryFrom('@misc{a, title={T}, url={javascript:alert(1)}, code={data:text/html,<script>x</script>}}'), context({ bag }));
    expect(p.links).toEqual([]);
    expect(bag.list(false).map((d) => [d.code, d.field])).toEqual([['UnsafeUrl', 'html'], ['UnsafeUrl', 'code']]);
  });

  it('reports an entry without a title', async () => {
    const bag = new DiagnosticBag();
    toPublication(await entryFrom('@article{untitled, author={A, B}, year=2020}'), context({ bag }));
    expect(bag.list(false)).toMatchObject([{ code: 'MissingRequiredField', field: 'title', line: 1 }]);
  });

  it.each([
    ['lovelace1843', 'lovelace1843'],
    ['Smith:2020/ICML', 'Smith-2020-ICML'],
    ['Müller_ünïcode key', 'Muller_unicode-key'],
  ])('slugOfKey(%j) is %j', (key, slug) => {
    expect(slugOfKey(key)).toBe(slug);
  });
});
