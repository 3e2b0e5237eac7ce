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
/** A folder holding an image of the three styles, made once. */
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
  new EngineImages(made).make(await Promise.all(STYLES.map((name) => styles.get(name)!())));
  const formatter = createCitationFormatter({ stylesDir, parallelFrom: Infinity });
  for (const name of STYLES) inProcess.set(name, await formatter.format(items, name));
  await imagesIn(made, 1);
}, 120_000);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('engine images', () => {
  it('format every entry of the fixtures and the example site in each style exactly as the engines in this process do, all from one process', async () => {
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(await imagesIn(made, 1)).toEqual([expect.stringMatching(/^engines-[0-9a-f]{16}\.v8$/)]);
    const formatter = createCitationFormatter({ stylesDir, parallelFrom: Infinity, images: new EngineImages(made) });
    // As a build asks: every style at once, each request answered in turn.
    const fromImage = await Promise.all(STYLES.map((name) => formatter.format(items, name)));
    expect(formatter.stats).toMatchObject({ engines: 0, fromImages: 3, formatted: 3 * items.length });
    for (const [i, name] of STYLES.entries()) expect(fromImage[i], name).toEqual(inProcess.get(name));
  });

  it('report an entry citeproc fails on, and format the entries after it as before', async () => {
    // No BibTeX entry gives citation-js a null name, but citeproc throws on it half-way through the entry.
    const broken = { id: 'broken', type: 'article-journal', title: 'Broken', author: [null] } as unknown as CslItem;
    const errors: string[] = [];
    const formatter = createCitationFormatter({ stylesDir, parallelFrom: Infinity, images: new EngineImages(made), onError: (error, item) => errors.push(`${item.id}: ${error.message}`) });
    const out = await formatter.format([broken, ...items], 'apa');
    expect(formatter.stats.fromImages).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/^broken: The entry `broken` cannot be formatted in the citation style apa: .*null/)]);
    expect(out).toEqual(inProcess.get('apa'));
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
    const [image] = await imagesIn(made, 1);
    await mkdir(dir);
    await writeFile(path.join(dir, image!), 'not a snapshot');
    const formatter = createCitationFormatter({ stylesDir, parallelFrom: Infinity, images: new EngineImages(dir) });
    expect(await formatter.format(items, 'apa')).toEqual(inProcess.get('apa'));
    expect(formatter.stats).toMatchObject({ engines: 1, fromImages: 0 });
    expect(await readdir(dir)).not.toContain(image);
  });

  it('are made for every site built before that has none, never on a first build, and hold every style the build used', async () => {
    const cacheDir = path.join(scratch, 'cache');
    const dir = path.join(scratch, 'cache-images');
    const build = () => createCitationFormatter({ stylesDir, cacheDir, parallelFrom: Infinity, images: new EngineImages(dir) });
    const inProcessOf = (name: string, count: number) => new Map([...inProcess.get(name)!].filter(([key]) => items.slice(0, count).some((i) => i.id === key)));
    const first = build();
    await Promise.all(['ieee', 'apa'].map((name) => first.format(items.slice(0, 2), name)));
    await first.flush();
    expect(first.stats.engines).toBe(2);
    // make() writes its spec file before it returns: no folder, no image on the way.
    expect(await readdir(dir).catch(() => 'none')).toBe('none');

    // Built before: an image is made, though every entry came from the cache and no engine started.
    const second = build();
    await second.format(items.slice(0, 2), 'ieee');
    await second.flush();
    expect(second.stats).toMatchObject({ engines: 0, formatted: 0, cached: 2 });
    const [ieeeOnly] = await imagesIn(dir, 1);

    const third = build();
    expect(await third.format(items.slice(0, 4), 'ieee')).toEqual(inProcessOf('ieee', 4));
    // A style the image lacks (one the site has taken up since) is formatted here, and the image stays.
    expect(await third.format(items.slice(0, 3), 'apa')).toEqual(inProcessOf('apa', 3));
    expect(third.stats).toMatchObject({ engines: 1, fromImages: 1, formatted: 3, cached: 4 });
    expect(await readdir(dir)).toContain(ieeeOnly);
    // The next image holds both styles, and takes the place of the old one.
    await third.flush();
    for (let waited = 0; (await readdir(dir)).includes(ieeeOnly!) && waited < 60_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
    const [both] = await imagesIn(dir, 1);
    expect(both).not.toBe(ieeeOnly);

    const fourth = build();
    const formatted = await Promise.all(['apa', 'ieee'].map((name) => fourth.format(items.slice(0, 5), name)));
    expect(formatted).toEqual([inProcessOf('apa', 5), inProcessOf('ieee', 5)]);
    expect(fourth.stats).toMatchObject({ engines: 0, fromImages: 2, formatted: 3, cached: 7 });
    // Another build of the same styles: the image is there, none is made again.
    await fourth.flush();
    expect((await readdir(dir)).filter((f) => !f.endsWith('.v8'))).toEqual([]);
  }, 90_000);
});
