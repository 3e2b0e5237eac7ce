import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, BuildFailed } from '../../src/index.js';
import { ROOT } from '../helpers/build-fixture.js';
import { hashTree } from '../helpers/hash-tree.js';

describe('output', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-out-'));
    await cp(path.join(ROOT, 'content'), path.join(dir, 'content'), { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const options = (out = 'dist') => ({ cwd: dir, templates: path.join(ROOT, 'templates'), public: path.join(ROOT, 'public'), out });

  // The second build reads the first one's cache: cached and fresh output must not differ.
  it('is byte-identical across two builds of the same content', async () => {
    await build(options('a'));
    await build(options('b'));
    const [a, b] = await Promise.all([hashTree(path.join(dir, 'a')), hashTree(path.join(dir, 'b'))]);
    expect(Object.keys(a).length).toBeGreaterThan(30);
    expect(b).toEqual(a);
  });

  // From the third build on, the tree of the build before last is updated in place of a new one.
  it('comes out as a fresh build does when it only rewrites what changed', async () => {
    await build(options());
    await build(options());
    await writeFile(path.join(dir, 'content/pages/teaching.md'), (await readFile(path.join(dir, 'content/pages/teaching.md'), 'utf8')).replace(/\n---\n/, '\n---\nAn edit.\n\n'));
    await rm(path.join(dir, 'content/pages/research/index.md'));
    await build(options());
    await build({ ...options('fresh'), cacheDir: false });
    const [updated, fresh] = await Promise.all([hashTree(path.join(dir, 'dist')), hashTree(path.join(dir, 'fresh'))]);
    expect(Object.keys(updated)).not.toContain(path.join('research', 'index.html'));
    expect(updated).toEqual(fresh);
  });

  it('leaves the previous site byte for byte when a build fails, and no temporary folder', async () => {
    await build(options());
    const before = await hashTree(path.join(dir, 'dist'));
    await writeFile(path.join(dir, 'content/pages/broken.md'), '---\ntitle: "unclosed\n---\n');
    await expect(build(options())).rejects.toBeInstanceOf(BuildFailed);
    expect(await hashTree(path.join(dir, 'dist'))).toEqual(before);
    // Beside dist/ only the build cache (node_modules/.cache/folio) may remain, never a temporary folder.
    expect((await readdir(dir)).sort()).toEqual(['content', 'dist', 'node_modules']);
  });

  it('replaces the site whole: the files of a removed page disappear', async () => {
    await build(options());
    expect(Object.keys(await hashTree(path.join(dir, 'dist')))).toContain(path.join('research', 'index.html'));
    await rm(path.join(dir, 'content/pages/research/index.md'));
    await build(options());
    expect(Object.keys(await hashTree(path.join(dir, 'dist')))).not.toContain(path.join('research', 'index.html'));
  });
});

describe('progress', () => {
  it('reports render progress from the first page to the total', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'folio-progress-'));
    const seen: { done: number; total: number }[] = [];
    try {
      const result = await build({ content: path.join(ROOT, 'content'), templates: path.join(ROOT, 'templates'), public: path.join(ROOT, 'public'), out: path.join(dir, 'dist'), cacheDir: false, onProgress: ({ done, total }) => seen.push({ done, total }) });
      expect(seen[0]).toEqual({ done: 0, total: result.pages });
      expect(seen.every((p) => p.done < p.total)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
