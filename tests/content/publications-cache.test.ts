import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPublications } from '../../src/content/publications.js';
import { DiagnosticBag } from '../../src/errors.js';
import { BuildCache } from '../../src/output/cache.js';
import { ROOT } from '../helpers/build-fixture.js';

describe('parsed .bib files between builds', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-bib-cache-'));
    await cp(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('come from the cache while the file is unchanged, and are parsed again after an edit', async () => {
    const content = path.join(dir, 'content');
    const first = await BuildCache.open(path.join(dir, 'cache'), 'bibtex');
    const parsed = await loadPublications(content, new DiagnosticBag(), first);
    await first.save();

    const second = await BuildCache.open(path.join(dir, 'cache'), 'bibtex');
    expect(await loadPublications(content, new DiagnosticBag(), second)).toEqual(parsed);
    expect(second.stats).toEqual({ hits: 2, misses: 0 }); // papers.bib and theses.bib

    const file = path.join(content, 'publications/papers.bib');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Rivers and Valleys', 'Rivers and Deltas'));
    const third = await BuildCache.open(path.join(dir, 'cache'), 'bibtex');
    const edited = await loadPublications(content, new DiagnosticBag(), third);
    // Both files are found (papers.bib as its earlier version, to reuse its unchanged entries); papers.bib is stored anew.
    expect(third.stats).toEqual({ hits: 2, misses: 1 });
    expect(edited.find((e) => e.key === 'kovacevic2023rivers')!.fields.title).toContain('Rivers and Deltas');
  });

  it('parse a file again when what the cache holds for it is not a parsed file', async () => {
    const content = path.join(dir, 'content');
    const cacheDir = path.join(dir, 'broken-cache');
    const first = await BuildCache.open(cacheDir, 'bibtex');
    const parsed = await loadPublications(content, new DiagnosticBag(), first);
    await first.save();
    const file = path.join(cacheDir, 'bibtex.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    await writeFile(file, JSON.stringify(Object.fromEntries(Object.keys(stored).map((key, i) => [key, i === 0 ? '{"textHash": ' : '{"textHash": 1}']))));
    const bag = new DiagnosticBag();
    expect(await loadPublications(content, bag, await BuildCache.open(cacheDir, 'bibtex'))).toEqual(parsed);
    expect(bag.list(false)).toEqual([]);
  });
});
