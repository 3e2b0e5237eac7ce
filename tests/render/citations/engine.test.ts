import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex, type CslItem } from '../../../src/content/bibtex/parse.js';
import { batchable, formatEntries, formatEntry, startEngine } from '../../../src/render/citations/engine.js';
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

describe('formatting in batches', () => {
  it.each(['apa', 'ieee', 'chicago-author-date', 'vancouver', 'harvard1'])('gives every entry in %s exactly as formatting it alone does', async (name) => {
    const style = await (await findStyles(stylesDir)).get(name)!();
    const engine = await startEngine(style);
    const alone = items.map((item) => formatEntry(engine, style, item));
    expect(formatEntries(engine, style, items)).toEqual(alone);
    // The twins come out as written, with no "2024a" or repeated-author dash.
    expect(alone.slice(0, 12).every((citation) => citation && /Paper \d+/.test(citation.text) && !/202[34][a-z]/.test(citation.text))).toBe(true);
  });

  it('takes out of a style only what makes entries of one bibliography depend on each other', async () => {
    const apa = await (await findStyles(stylesDir)).get('apa')!();
    const xml = batchable(apa.xml);
    expect(apa.xml).toMatch(/<citation [^>]*disambiguate-add-year-suffix="true"/);
    expect(xml).not.toMatch(/disambiguate-add-|givenname-disambiguation-rule/);
    expect(xml.match(/<citation [^>]*>/)![0]).toBe('<citation collapse="year" et-al-min="3" et-al-use-first="1">');
    // The bibliography's own settings stay; only the repeated-author dash goes.
    const dashed = '<style><citation et-al-min="3"><layout/></citation><bibliography subsequent-author-substitute="———" hanging-indent="true" subsequent-author-substitute-rule="complete-all"><layout/></bibliography></style>';
    expect(batchable(dashed)).toBe('<style><citation et-al-min="3"><layout/></citation><bibliography hanging-indent="true"><layout/></bibliography></style>');
  });

  it('formats alone each entry of a batch citeproc fails on, so only the bad one is lost', async () => {
    const style = await (await findStyles(stylesDir)).get('chicago-author-date')!();
    const engine = await startEngine(style);
    // citeproc cannot run Chicago's date macro of a dated personal communication.
    const letter: CslItem = { id: 'letter', type: 'personal_communication', title: 'Letter', author: [{ family: 'Doe', given: 'Jane' }], issued: { 'date-parts': [[2020]] } };
    const out = formatEntries(engine, style, [...items.slice(0, 5), letter, ...items.slice(5, 8)]);
    expect(out[5]).toBeInstanceOf(Error);
    expect((out[5] as Error).message).toMatch(/^The entry `letter` cannot be formatted in the citation style chicago-author-date/);
    expect(out.filter((r) => r instanceof Error)).toHaveLength(1);
    expect([...out.slice(0, 5), ...out.slice(6)]).toEqual(items.slice(0, 8).map((item) => formatEntry(engine, style, item)));
  });
});
