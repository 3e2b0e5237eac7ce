import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/output/cache.js';

describe('BuildCache', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-cache-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reuses a value across builds while its source and salt are unchanged', async () => {
    const first = await BuildCache.open(dir, 'markdown');
    let made = 0;
    const make = () => `html ${++made}`;
    expect(first.through('v1', '# A', make)).toBe('html 1');
    expect(first.through('v1', '# A', make)).toBe('html 1');
    await first.save();

    const second = await BuildCache.open(dir, 'markdown');
    expect(second.through('v1', '# A', make)).toBe('html 1');
    expect(second.through('v2', '# A', make)).toBe('html 2');
    expect(second.through('v1', '# B', make)).toBe('html 3');
    expect(second.stats).toEqual({ hits: 1, misses: 2 });
  });

  it('keeps only what the last build used', async () => {
    const first = await BuildCache.open(dir, 'markdown');
    first.through('', 'old', () => 'x');
    await first.save();
    const second = await BuildCache.open(dir, 'markdown');
    second.through('', 'new', () => 'y');
    await second.save();
    expect(Object.values(JSON.parse(await readFile(path.join(dir, 'markdown.json'), 'utf8')))).toEqual(['y']);
  });

  it.each(['{not json', '[1, 2]', '{"k": 42}'])('treats a broken cache file (%s) as empty', async (text) => {
    await writeFile(path.join(dir, 'markdown.json'), text);
    const cache = await BuildCache.open(dir, 'markdown');
    expect(cache.through('', 'a', () => 'fresh')).toBe('fresh');
    await cache.save();
    expect(JSON.parse(await readFile(path.join(dir, 'markdown.json'), 'utf8'))).toEqual({ [Object.keys(JSON.parse(await readFile(path.join(dir, 'markdown.json'), 'utf8')))[0]!]: 'fresh' });
  });

  it('deferred, reads its file only when a value is asked for, and leaves it as it was when none was', async () => {
    const first = await BuildCache.open(dir, 'blocks');
    first.through('', 'card', () => 'kept');
    await first.save();
    const file = path.join(dir, 'blocks.json');
    const saved = await readFile(file, 'utf8');

    // Never asked: the file stays, although this build used none of it.
    const untouched = BuildCache.deferred(dir, 'blocks');
    await writeFile(file, saved.replace('kept', 'changed on disk'));
    await untouched.save();
    expect(await readFile(file, 'utf8')).toBe(saved.replace('kept', 'changed on disk'));
    await writeFile(file, saved);

    const asked = BuildCache.deferred(dir, 'blocks');
    expect(asked.get('', 'card')).toBe('kept');
    asked.through('', 'other card', () => 'new');
    await asked.save();
    expect(Object.values(JSON.parse(await readFile(file, 'utf8'))).sort()).toEqual(['kept', 'new']);
    expect(BuildCache.deferred(undefined, 'blocks').get('', 'card')).toBeUndefined();
  });

  it('without a folder, remembers nothing', async () => {
    const cache = await BuildCache.open(undefined, 'markdown');
    let made = 0;
    cache.through('', 'a', () => String(++made));
    await cache.save();
    expect((await BuildCache.open(undefined, 'markdown')).through('', 'a', () => 'again')).toBe('again');
  });
});
