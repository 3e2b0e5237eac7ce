import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseBibtex, type CslItem } from '../../../src/content/bibtex/parse.js';
import { createCitationFormatter } from '../../../src/render/citations.js';
import { formatEntries, loadCiteproc, startEngine } from '../../../src/render/citations/engine.js';
import { ParsedXml } from '../../../src/render/citations/parsed-xml.js';
import { findStyles } from '../../../src/render/citations/styles.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const stylesDir = path.join(root, 'templates/csl');
const STYLES = ['apa', 'ieee', 'chicago-author-date'] as const;

let items: CslItem[];
let scratch: string;
beforeAll(async () => {
  items = [];
  for (const name of ['cite.bib', 'quirks.bib']) {
    const file = path.join(root, 'tests/fixtures/bib', name);
    items.push(...(await parseBibtex(await readFile(file, 'utf8'), file)).map((entry) => entry.csl));
  }
  scratch = await mkdtemp(path.join(tmpdir(), 'folio-parsed-xml-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Counts the calls of citeproc's XML parser from here on. */
async function countParses() {
  const { CSL } = await loadCiteproc();
  return vi.spyOn(CSL, 'parseXml');
}

describe('engines started from parsed XML', () => {
  it.each(['apa', 'ieee', 'chicago-author-date', 'vancouver', 'harvard1'])('format every entry in %s as from the XML itself', async (name) => {
    const style = await (await findStyles(stylesDir)).get(name)!();
    // A ParsedXml that hands citeproc the XML unchanged: citeproc parses it, as it did before.
    const asXml = { jsonOf: (xml: string) => xml } as unknown as ParsedXml;
    const fromXml = formatEntries(await startEngine(style, undefined, asXml), style, items);
    expect(formatEntries(await startEngine(style, undefined, ParsedXml.of()), style, items)).toEqual(fromXml);
    expect(fromXml.filter((c) => c && !(c instanceof Error)).length).toBeGreaterThan(items.length / 2);
  });

  it('parse each style and the locale once', async () => {
    const style = await (await findStyles(stylesDir)).get('ieee')!();
    const parsed = ParsedXml.of();
    const parse = await countParses();
    await startEngine(style, undefined, parsed);
    expect(parse).toHaveBeenCalledTimes(2);
    await startEngine(style, undefined, parsed);
    expect(parse).toHaveBeenCalledTimes(2);
  });

  it('still name a style citeproc cannot read', async () => {
    const dir = await mkdtemp(path.join(scratch, 'styles-'));
    await writeFile(path.join(dir, 'broken.csl'), '<style><oops');
    const style = await (await findStyles(dir)).get('broken')!();
    await expect(startEngine(style, undefined, ParsedXml.of())).rejects.toThrow(/broken\.csl is not a CSL style citeproc can read/);
  });
});

describe('parsed XML kept between builds', () => {
  async function build(cacheDir: string, list: readonly CslItem[], parallelFrom?: number) {
    const formatter = createCitationFormatter({ stylesDir, cacheDir, ...(parallelFrom ? { parallelFrom } : {}) });
    const results = await Promise.all(STYLES.map((style) => formatter.format(list, style)));
    await formatter.flush();
    return results;
  }
  const keptEntries = async (cacheDir: string) => Object.keys((JSON.parse(await readFile(path.join(cacheDir, 'citeproc', 'parsed-xml.json'), 'utf8')) as { entries: object }).entries);

  it('lets the next build start its engines without parsing', async () => {
    const cacheDir = await mkdtemp(path.join(scratch, 'cache-'));
    const first = await build(cacheDir, items.slice(0, 3));
    // Three styles and the locale they share.
    expect(await keptEntries(cacheDir)).toHaveLength(4);
    const parse = await countParses();
    const second = await build(cacheDir, items);
    expect(parse).not.toHaveBeenCalled();
    for (const [i, citations] of first.entries()) for (const [key, citation] of citations) expect(second[i]!.get(key)).toEqual(citation);
  });

  it('keeps what worker threads parsed', async () => {
    const cacheDir = await mkdtemp(path.join(scratch, 'cache-'));
    await build(cacheDir, items, 1);
    expect(await keptEntries(cacheDir)).toHaveLength(4);
  });

  it.each([
    ['not JSON', '{"format": 1, "entr'],
    ['for another citeproc', '{"format": 1, "engine": "citeproc 0.0.1", "entries": {}}'],
  ])('ignores a file that is %s', async (_, broken) => {
    const cacheDir = await mkdtemp(path.join(scratch, 'cache-'));
    await build(cacheDir, items.slice(0, 1));
    const file = path.join(cacheDir, 'citeproc', 'parsed-xml.json');
    const good = await readFile(file, 'utf8');
    await writeFile(file, broken);
    const parse = await countParses();
    await build(cacheDir, items.slice(1, 2));
    expect(parse).toHaveBeenCalled();
    expect(await readFile(file, 'utf8')).toBe(good);
  });

  it('writes nothing when every citation comes from the cache', async () => {
    const cacheDir = await mkdtemp(path.join(scratch, 'cache-'));
    await build(cacheDir, items.slice(0, 2));
    await rm(path.join(cacheDir, 'citeproc'), { recursive: true });
    await build(cacheDir, items.slice(0, 2));
    expect(await readdir(cacheDir)).not.toContain('citeproc');
  });
});
