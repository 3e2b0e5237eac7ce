import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex, type CslItem } from '../../../src/content/bibtex/parse.js';
import { entryOnly, formatEntries, formatEntry, startEngine } from '../../../src/render/citations/engine.js';
import { findStyles } from '../../../src/render/citations/styles.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const stylesDir = path.join(root, 'templates/csl');

/** Entries that would affect each other in one bibliography: same authors, same years, same first author. */
function twins(): CslItem[] {
  return Array.from({ length: 12 }, (_, i): CslItem => ({
    id: `twin${i}`,
    type: i % 2 ? 'article-journal' : 'paper-conference',
    title: `Paper ${i}`,
    author: [{ family: 'Smith', given: i % 3 ? 'Jane' : 'John' }, ...(i % 4 ? [{ family: 'Lee', given: 'Ann' }] : [])],
    issued: { 'date-parts': [[2024 - (i % 2)]] },
    'container-title': 'Journal of Tests',
  }));
}

let items: CslItem[];
beforeAll(async () => {
  items = twins();
  for (const name of ['cite.bib', 'quirks.bib']) {
    const file = path.join(root, 'tests/fixtures/bib', name);
    items.push(...(await parseBibtex(await readFile(file, 'utf8'), file)).map((entry) => entry.csl));
  }
});

describe('the style reduced to one entry alone, in batches', () => {
  it.each(['apa', 'ieee', 'chicago-author-date', 'vancouver', 'harvard1'])('gives every entry in %s exactly as the style as written gives it alone', async (name) => {
    const style = await (await findStyles(stylesDir)).get(name)!();
    const asWritten = await startEngine(style, style.xml);
    const alone = items.map((item) => formatEntry(asWritten, style, item));
    expect(formatEntries(await startEngine(style), style, items)).toEqual(alone);
    // The twins come out as written, with no "2024a" or repeated-author dash.
    expect(alone.slice(0, 12).every((citation) => citation && /Paper \d+/.test(citation.text) && !/202[34][a-z]/.test(citation.text))).toBe(true);
  });

  it('keeps of a style only its bibliography, without sort keys or the repeated-author dash', async () => {
    const apa = await (await findStyles(stylesDir)).get('apa')!();
    const xml = entryOnly(apa.xml);
    expect(apa.xml).toMatch(/<citation [^>]*disambiguate-add-year-suffix="true"/);
    expect(xml).toMatch(/<citation><layout><text variable="title"\/><\/layout><\/citation>/);
    expect(xml).not.toMatch(/disambiguate-add-|<sort/);
    // The bibliography's layout and settings stay (its comments do not), and so do the macros it calls.
    const bibliography = (source: string) => source.match(/<bibliography[\s\S]*<\/bibliography>/)![0].replace(/<sort>[\s\S]*?<\/sort>/, '').replace(/<!--[\s\S]*?-->/g, '');
    expect(bibliography(xml)).toBe(bibliography(apa.xml));
    expect(xml.match(/<macro /g)).toHaveLength(apa.xml.match(/<macro /g)!.length);
    const dashed = '<style><citation et-al-min="3"><sort><key variable="issued"/></sort><layout><text macro="x"/></layout></citation><bibliography subsequent-author-substitute="———" hanging-indent="true" subsequent-author-substitute-rule="complete-all"><sort><key macro="author"/></sort><layout/></bibliography></style>';
    expect(entryOnly(dashed)).toBe('<style><citation><layout><text variable="title"/></layout></citation><bibliography hanging-indent="true"><layout/></bibliography></style>');
    const commented = '<style><!-- the <citation> and <bibliography> below --><citation><layout/></citation><bibliography><sort/><layout/></bibliography></style>';
    expect(entryOnly(commented)).toBe('<style><citation><layout><text variable="title"/></layout></citation><bibliography><sort/><layout/></bibliography></style>');
  });

  it('formats alone each entry of a batch citeproc fails on, so only the bad one is lost, and the engine goes on', async () => {
    const style = await (await findStyles(stylesDir)).get('chicago-author-date')!();
    const engine = await startEngine(style);
    const fresh = items.slice(0, 8).map((item) => formatEntry(engine, style, item));
    // No BibTeX entry gives citation-js a null name, but citeproc throws on it half-way through the
    // entry, which used to leave the engine failing every entry after it.
    const broken = { id: 'broken', type: 'article-journal', title: 'Broken', author: [null] } as unknown as CslItem;
    const out = formatEntries(engine, style, [...items.slice(0, 5), broken, ...items.slice(5, 8)]);
    expect(out[5]).toBeInstanceOf(Error);
    expect((out[5] as Error).message).toMatch(/^The entry `broken` cannot be formatted in the citation style chicago-author-date: .*null/);
    expect(out.filter((r) => r instanceof Error)).toHaveLength(1);
    expect([...out.slice(0, 5), ...out.slice(6)]).toEqual(fresh);
    expect(formatEntries(engine, style, items.slice(0, 8))).toEqual(fresh);
  });

  it('leaves out what the style leaves out of a bibliography, even where its citation layout would fail', async () => {
    const style = await (await findStyles(stylesDir)).get('chicago-author-date')!();
    // Chicago cites a letter in the text only; citeproc 2.4.63 cannot run the date macro of its
    // citation layout, which the reduced style no longer has.
    const letter: CslItem = { id: 'letter', type: 'personal_communication', title: 'Letter', author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2020]] } };
    const asWritten = await startEngine(style, style.xml);
    expect(() => formatEntry(asWritten, style, letter)).toThrow(/macro-with-date/);
    expect(formatEntry(await startEngine(style), style, letter)).toBeNull();
  });
});
