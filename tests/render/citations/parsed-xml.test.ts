import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseBibtex, type CslItem } from '../../../src/content/bibtex/parse.js';
import { createCitationFormatter } from '../../../src/render/citations.js';
import { formatEntries, loadCiteproc, startEngine } from '../../../src/render/citations/engine.js';
import { ParsedXml } from '../../../src/render/citations/parsed-xml.js';
import { findStyles } from '../../../src/render/citations/styles.js';
import type { CitationWorkerInput, CitationWorkerOutput } from '../../../src/render/citations/worker.js';
import { runWorker } from '../../../src/render/worker-thread.js';

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

  it('in a worker thread, parse only what they were not handed', async () => {
    const style = await (await findStyles(stylesDir)).get('ieee')!();
    const worker = new URL('../../../src/render/citations/worker.js', import.meta.url);
    const run = (parsed: Record<string, string>) => runWorker<CitationWorkerOutput>(worker, { style, items: items.slice(0, 2), parsed } satisfies CitationWorkerInput);
    const first = await run({});
    // The style and its locale.
    expect(Object.keys(first!.parsed)).toHaveLength(2);
    const second = await run(first!.parsed);
    expect(second!.parsed).toEqual({});
    expect(second!.results).toEqual(first!.results);
  });

  it('still name a style citeproc cannot read', async () => {
    const dir = await mkdtemp(path.join(scratch, 'styles-'));
    await writeFile(path.join(dir, 'broken.csl'), '<style><oops');
    const style = await (await findStyles(dir)).get('broken')!();
    await expect(startEngine(style, undefined, ParsedXml.of())).rejects.toThrow(/broken\.csl is not a CSL style citeproc can read/);
  });
});

describe('parsed XML kept between builds', () => {
  async function build(cacheDir: string, list: readonly CslItem[], parallelFrom?: number, styles: readonly string[] = STYLES) {
    const formatter = createCitationFormatter({ stylesDir, cacheDir, ...(parallelFrom ? { parallelFrom } : {}) });
    const results = await Promise.all(styles.map((style) => formatter.format(list, style)));
    await formatter.flush();
    return results;
  }
  const fileOf = (cacheDir: string) => path.join(cacheDir, 'citeproc', 'parsed-xml.json');
  const read = async (cacheDir: string) => JSON.parse(await readFile(fileOf(cacheDir), 'utf8')) as { engine: string; entries: Record<string, string> };
  const keptEntries = async (cacheDir: string) => Object.keys((await read(cacheDir)).entries);

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

  it('keeps what worker threads parsed, and is not written again when nothing is new', async () => {
    const cacheDir = await mkdtemp(path.join(scratch, 'cache-'));
    await build(cacheDir, items.slice(0, 2), 1);
    expect(await keptEntries(cacheDir)).toHaveLength(4);
    const before = await stat(fileOf(cacheDir));
    await build(cacheDir, items.slice(2), 1);
    expect((await stat(fileOf(cacheDir))).ino).toBe(before.ino);
  });

  it('keeps the entries of styles whose engine did not start', async () => {
    const cacheDir = await mkdtemp(path.join(scratch, 'cache-'));
    await build(cacheDir, items.slice(0, 1));
    const { engine, entries } = await read(cacheDir);
    const [, ...rest] = Object.keys(entries);
    await writeFile(fileOf(cacheDir), JSON.stringify({ format: 1, engine, entries: Object.fromEntries(rest.map((key) => [key, entries[key]])) }));
    // One style alone parses what went missing, if that was its own XML.
    for (const style of STYLES) await build(cacheDir, items.slice(1, 2), undefined, [style]);
    expect((await keptEntries(cacheDir)).sort()).toEqual(Object.keys(entries).sort());
  });

  it('parses again an entry that was damaged, and gives the same citations', async () => {
    const cacheDir = await mkdtemp(path.join(scratch, 'cache-'));
    const first = await build(cacheDir, items.slice(0, 2));
    const { engine, entries } = await read(cacheDir);
    const damaged = Object.fromEntries(Object.entries(entries).map(([key, json]) => [key, json.slice(0, json.length / 2)]));
    await writeFile(fileOf(cacheDir), JSON.stringify({ format: 1, engine, entries: damaged }));
    await rm(path.join(cacheDir, 'apa.json'));
    await rm(path.join(cacheDir, 'ieee.json'));
    await rm(path.join(cacheDir, 'chicago-author-date.json'));
    expect(await build(cacheDir, items.slice(0, 2))).toEqual(first);
    expect((await read(cacheDir)).entries).toEqual(entries);
  });

  it.each([
    ['not JSON', () => '{"format": 1, "entr'],
    ['for another citeproc', (good: string) => JSON.stringify({ ...(JSON.parse(good) as object), engine: 'citeproc 0.0.1' })],
  ])('ignores a file that is %s', async (_, broken) => {
    const cacheDir = await mkdtemp(path.join(scratch, 'cache-'));
    await build(cacheDir, items.slice(0, 1));
    const file = fileOf(cacheDir);
    const good = await readFile(file, 'utf8');
    await writeFile(file, broken(good));
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
