import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex, type CslItem } from '../../../src/content/bibtex/parse.js';
import { createCitationFormatter, type Citation } from '../../../src/render/citations.js';
import { EngineImages } from '../../../src/render/citations/images.js';
import { findStyles } from '../../../src/render/citations/styles.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const stylesDir = path.join(root, 'templates/csl');
const STYLES = ['apa', 'ieee', 'chicago-author-date'];

let items: CslItem[];
let scratch: string;
/** A folder holding an image of each style, made once. */
let made: string;
/** Every item in every style, formatted by an engine started in this process. */
const inProcess = new Map<string, Map<string, Citation>>();

/** The image files of `dir`, waiting for those being made (3-8 s on two cores). */
async function imagesIn(dir: string, count: number): Promise<string[]> {
  for (let waited = 0; waited < 90_000; waited += 250) {
    const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.v8'));
    if (files.length >= count) return files.sort();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${dir} never held ${count} images`);
}

beforeAll(async () => {
  items = [];
  for (const file of ['tests/fixtures/bib/cite.bib', 'tests/fixtures/bib/quirks.bib', 'content/publications/papers.bib', 'content/publications/theses.bib']) {
    const full = path.join(root, file);
    items.push(...(await parseBibtex(await readFile(full, 'utf8'), full)).map((entry) => entry.csl));
  }
  scratch = await mkdtemp(path.join(tmpdir(), 'folio-images-'));
  made = path.join(scratch, 'made');
  const styles = await findStyles(stylesDir);
  const images = new EngineImages(made);
  for (const name of STYLES) images.make(await styles.get(name)!());
  const formatter = createCitationFormatter({ stylesDir, parallelFrom: Infinity });
  for (const name of STYLES) inProcess.set(name, await formatter.format(items, name));
  await imagesIn(made, STYLES.length);
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('engine images', () => {
  it('format every entry of the fixtures and the example site exactly as the engine in this process does', async () => {
    expect(items.length).toBeGreaterThanOrEqual(30);
    for (const name of STYLES) {
      const formatter = createCitationFormatter({ stylesDir, parallelFrom: Infinity, images: new EngineImages(made) });
      const fromImage = await formatter.format(items, name);
      expect(formatter.stats, name).toMatchObject({ engines: 0, fromImages: 1, formatted: items.length });
      expect(fromImage, name).toEqual(inProcess.get(name));
    }
  });

  it('serve a process started early (prestart), and stop the ones nobody asks for', async () => {
    const images = new EngineImages(made);
    images.prestart();
    const formatter = createCitationFormatter({ stylesDir, parallelFrom: Infinity, images });
    expect(await formatter.format(items.slice(0, 3), 'ieee')).toEqual(new Map([...inProcess.get('ieee')!].filter(([key]) => items.slice(0, 3).some((i) => i.id === key))));
    expect(formatter.stats.fromImages).toBe(1);
    images.close();
    // Closed: nothing new starts, so the other styles format in-process.
    await formatter.format(items.slice(0, 1), 'apa');
    expect(formatter.stats).toMatchObject({ engines: 1, fromImages: 1 });
  });

  it('are deleted when their process fails (another Node made them), and the entries are formatted in-process', async () => {
    const dir = path.join(scratch, 'broken');
    const [apa] = (await imagesIn(made, STYLES.length)).filter((f) => f.startsWith('apa-'));
    await mkdir(dir);
    await writeFile(path.join(dir, apa!), 'not a snapshot');
    const formatter = createCitationFormatter({ stylesDir, parallelFrom: Infinity, images: new EngineImages(dir) });
    expect(await formatter.format(items, 'apa')).toEqual(inProcess.get('apa'));
    expect(formatter.stats).toMatchObject({ engines: 1, fromImages: 0 });
    expect(await readdir(dir)).not.toContain(apa);
  });

  it('are made for a site built before only, never on a first build', async () => {
    const cacheDir = path.join(scratch, 'cache');
    const dir = path.join(scratch, 'cache-images');
    const first = createCitationFormatter({ stylesDir, cacheDir, parallelFrom: Infinity, images: new EngineImages(dir) });
    await first.format(items.slice(0, 2), 'ieee');
    await first.flush();
    expect(first.stats.engines).toBe(1);
    // make() writes its spec file before it returns: no folder, no image on the way.
    expect(await readdir(dir).catch(() => 'none')).toBe('none');
    const second = createCitationFormatter({ stylesDir, cacheDir, parallelFrom: Infinity, images: new EngineImages(dir) });
    await second.format(items.slice(0, 3), 'ieee');
    await second.flush();
    expect(second.stats).toMatchObject({ engines: 1, formatted: 1, cached: 2 });
    expect(await imagesIn(dir, 1)).toEqual([expect.stringMatching(/^ieee-[0-9a-f]{16}\.v8$/)]);
    const third = createCitationFormatter({ stylesDir, cacheDir, parallelFrom: Infinity, images: new EngineImages(dir) });
    expect(await third.format(items.slice(0, 4), 'ieee')).toEqual(new Map([...inProcess.get('ieee')!].filter(([key]) => items.slice(0, 4).some((i) => i.id === key))));
    expect(third.stats).toMatchObject({ engines: 0, fromImages: 1, formatted: 1, cached: 3 });
  }, 60_000);
});
