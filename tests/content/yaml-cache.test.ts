import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { keepYamlIn, parseYaml, type YamlSource } from '../../src/content/yaml.js';
import { BuildCache } from '../../src/output/cache.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every YAML and markdown file of the example site and the fixtures that reads without error, with its text. */
type Kind = 'yaml' | 'markdown';

async function realFiles(): Promise<{ file: string; text: string; kind: Kind }[]> {
  const found: { file: string; text: string; kind: Kind }[] = [];
  for (const dir of ['content', 'tests/fixtures']) {
    for (const entry of await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      const kind: Kind | undefined = /\.ya?ml$/.test(entry.name) ? 'yaml' : /\.(md|markdown)$/.test(entry.name) ? 'markdown' : undefined;
      if (!entry.isFile() || !kind) continue;
      const file = path.join(entry.parentPath, entry.name);
      const text = await readFile(file, 'utf8');
      try {
        read(kind, text, file);
        found.push({ file, text, kind });
      } catch {
        // A fixture of a mistake: errors are never cached.
      }
    }
  }
  return found;
}

/** `text` read as a build reads it; `run` tells calls apart, since each process remembers what it read by file. */
function read(kind: Kind, text: string, file: string, run = '') {
  if (kind === 'yaml') return { ...parseYaml(text, `${file}${run}`, 'InvalidDataFile'), body: undefined, bodyLine: undefined };
  return parseFrontMatter(text, `${file}${run}`);
}

/** Every path to a value in `data`, and a few that lead nowhere. */
function pathsOf(data: unknown, at: (string | number)[] = []): (string | number)[][] {
  const paths = [at];
  if (Array.isArray(data)) data.forEach((item, i) => paths.push(...pathsOf(item, [...at, i])));
  else if (data && typeof data === 'object') for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...at, key]));
  return at.length === 0 ? [...paths, ['no such field'], [0], ['title', 'deeper']] : paths;
}

const lines = (source: Pick<YamlSource, 'data' | 'lineOf'>) => pathsOf(source.data).map((p) => [JSON.stringify(p), source.lineOf(p)]);

describe('YAML and front matter kept between builds', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-yaml-cache-'));
  });
  afterEach(async () => {
    keepYamlIn(undefined);
    await rm(dir, { recursive: true, force: true });
  });

  /** One build's reading of `files` with the cache of `dir`. */
  async function build(files: Awaited<ReturnType<typeof realFiles>>, run: string) {
    const cache = await BuildCache.open(dir, 'yaml');
    keepYamlIn(cache);
    const read_ = files.map(({ kind, text, file }) => read(kind, text, file, run));
    keepYamlIn(undefined);
    await cache.save();
    return { read: read_, stats: cache.stats };
  }

  it('gives the next build, from the cache alone, the data, body and every line a fresh parse gives', async () => {
    const files = await realFiles();
    expect(files.filter((f) => f.kind === 'yaml').length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.kind === 'markdown').length).toBeGreaterThanOrEqual(30);
    const first = await build(files, '#first');
    expect(first.stats.misses).toBeGreaterThanOrEqual(files.length);
    const second = await build(files, '#second');
    expect(second.stats.misses).toBe(0);
    expect(second.stats.hits).toBeGreaterThanOrEqual(files.length);
    for (const [i, { kind, text, file }] of files.entries()) {
      const fresh = read(kind, text, file, '#fresh');
      const kept = second.read[i]!;
      expect({ data: kept.data, body: kept.body, bodyLine: kept.bodyLine, lines: lines(kept) }, file).toEqual({ data: fresh.data, body: fresh.body, bodyLine: fresh.bodyLine, lines: lines(fresh) });
    }
  });

  it('keeps in the cache what this process remembers, so a second build in it does not empty the file', async () => {
    const files = (await realFiles()).filter((f) => f.kind === 'yaml');
    await build(files, '#same');
    const second = await build(files, '#same');
    expect(second.stats.hits).toBeGreaterThanOrEqual(files.length);
    const third = await build(files, '#other');
    expect(third.stats).toEqual({ hits: third.stats.hits, misses: 0 });
    expect(third.stats.hits).toBeGreaterThanOrEqual(files.length);
  });

  it('reads again what JSON cannot hold, and keeps the lines of values under aliases out', async () => {
    const text = 'limit: .inf\nratio: .nan\n';
    await build([{ kind: 'yaml', text, file: 'numbers.yml' }], '#1');
    const { read: [again], stats } = await build([{ kind: 'yaml', text, file: 'numbers.yml' }], '#2');
    expect(stats).toEqual({ hits: 0, misses: 0 });
    expect(again!.data).toEqual({ limit: Infinity, ratio: NaN });

    // An alias inside its own anchor: data that holds itself.
    const cyclic = 'a: &a\n  b: *a\n';
    await build([{ kind: 'yaml', text: cyclic, file: 'cycle.yml' }], '#1');
    const { read: [cycle], stats: cycleStats } = await build([{ kind: 'yaml', text: cyclic, file: 'cycle.yml' }], '#2');
    expect(cycleStats).toEqual({ hits: 0, misses: 0 });
    const a = (cycle!.data as { a: { b: unknown } }).a;
    expect(a.b).toBe(a);

    const aliased = 'base: &b\n  name: A\ncopy: *b\n';
    await build([{ kind: 'yaml', text: aliased, file: 'alias.yml' }], '#1');
    const kept = (await build([{ kind: 'yaml', text: aliased, file: 'alias.yml' }], '#2')).read[0]!;
    expect([kept.lineOf(['base', 'name']), kept.lineOf(['copy']), kept.lineOf(['copy', 'name'])]).toEqual([2, 3, undefined]);
  });
});
