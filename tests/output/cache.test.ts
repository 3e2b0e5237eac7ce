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

  it('makes a value put for later only when it is asked for or saved', async () => {
    const cache = await BuildCache.open(dir, 'blocks');
    let made = 0;
    cache.putLater('', 'card a', () => `a${++made}`);
    cache.putLater('', 'card b', () => `b${++made}`);
    expect(made).toBe(0);
    expect(cache.get('', 'card a')).toBe('a1');
    await cache.save();
    expect(made).toBe(2);
    const next = await BuildCache.open(dir, 'blocks');
    expect([next.get('', 'card a'), next.get('', 'card b')]).toEqual(['a1', 'b2']);
  });

  describe('after a build that changed few entries', () => {
    const sources = Array.from({ length: 200 }, (_, i) => `entry ${i}`);
    const file = () => path.join(dir, 'latex.json');
    const journal = () => path.join(dir, 'latex.journal');
    const convert = (source: string) => `<p>${source}, as converted</p>`;
    /** One build converting `used` through the cache; returns how many it converted. */
    const buildWith = async (used: readonly string[]) => {
      const cache = await BuildCache.open(dir, 'latex');
      for (const source of used) cache.through('', source, () => convert(source));
      await cache.save();
      return cache.stats.misses;
    };

    it('appends the changes to a journal, which the next build reads, instead of writing every entry again', async () => {
      await buildWith(sources);
      const whole = await readFile(file(), 'utf8');
      // One entry edited, one deleted.
      const edited = sources.map((s) => (s === 'entry 7' ? 'entry 7, edited' : s)).filter((s) => s !== 'entry 9');
      expect(await buildWith(edited)).toBe(1);
      expect(await readFile(file(), 'utf8')).toBe(whole);
      expect((await readFile(journal(), 'utf8')).trim().split('\n')).toHaveLength(1);

      const next = await BuildCache.open(dir, 'latex');
      expect(next.get('', 'entry 7, edited')).toBe(convert('entry 7, edited'));
      // Dropped: the build before did not use them.
      expect(next.get('', 'entry 7')).toBeUndefined();
      expect(next.get('', 'entry 9')).toBeUndefined();
      expect(next.get('', 'entry 8')).toBe(convert('entry 8'));
    });

    it('after a line cut short, keeps what came before it and writes the next changes into the file whole', async () => {
      await buildWith(sources);
      await buildWith(sources.map((s) => (s === 'entry 1' ? 'entry 1, edited' : s)));
      await writeFile(journal(), `${await readFile(journal(), 'utf8')}{"set": {"cut`);
      expect((await BuildCache.open(dir, 'latex')).get('', 'entry 1, edited')).toBe(convert('entry 1, edited'));
      // Appended after the cut, this build's change would be lost with it.
      expect(await buildWith(sources.map((s) => (s === 'entry 1' || s === 'entry 2' ? `${s}, edited` : s)))).toBe(1);
      await expect(readFile(journal(), 'utf8')).rejects.toThrow();
      expect((await BuildCache.open(dir, 'latex')).get('', 'entry 2, edited')).toBe(convert('entry 2, edited'));
    });

    it('writes the file whole again when the changes are many', async () => {
      await buildWith(sources);

      const renamed = sources.map((s) => `${s}, renamed`);
      expect(await buildWith(renamed)).toBe(200);
      await expect(readFile(journal(), 'utf8')).rejects.toThrow();
      expect(Object.keys(JSON.parse(await readFile(file(), 'utf8')))).toHaveLength(200);
      expect(await buildWith(renamed)).toBe(0);
    });
  });

  it('without a folder, remembers nothing', async () => {
    const cache = await BuildCache.open(undefined, 'markdown');
    let made = 0;
    cache.through('', 'a', () => String(++made));
    await cache.save();
    expect((await BuildCache.open(undefined, 'markdown')).through('', 'a', () => 'again')).toBe('again');
  });
});
