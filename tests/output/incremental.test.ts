import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteWriter } from '../../src/output/write.js';

/** Every file under `dir` with its text, by relative path. */
async function readTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) tree[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(path.join(e.parentPath, e.name), 'utf8');
  }
  return tree;
}

describe('SiteWriter with a state folder', () => {
  let dir: string;
  let out: string;
  let state: string;
  let publicDir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-incremental-'));
    out = path.join(dir, 'dist');
    state = path.join(dir, 'cache/output/site');
    publicDir = path.join(dir, 'public');
    await mkdir(publicDir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** One build writing `files` (path → text); returns how many files it left alone. */
  async function writeFiles(files: Record<string, string>): Promise<number> {
    const writer = await SiteWriter.open(out, state);
    for (const [file, contents] of Object.entries(files)) writer.write({ path: file, contents });
    await writer.finish(publicDir);
    return writer.unchanged;
  }

  const site = { 'index.html': 'home', 'a/index.html': 'page a', 'b/index.html': 'page b', 'feed.xml': 'feed' };

  it('keeps the replaced site and, from the third build on, rewrites only what changed', async () => {
    expect(await writeFiles(site)).toBe(0);
    // The second build starts from an empty tree: the first site is still the output folder.
    expect(await writeFiles(site)).toBe(0);
    const before = await stat(path.join(state, 'previous/a/index.html'));
    expect(await writeFiles({ ...site, 'b/index.html': 'page b, edited' })).toBe(3);
    expect(await readTree(out)).toEqual({ ...site, 'b/index.html': 'page b, edited' });
    // The very file of the first build, not a copy: nothing was written for it.
    expect((await stat(path.join(out, 'a/index.html'))).ino).toBe(before.ino);
  });

  it('removes what the site no longer has, and anything put into the output folder by hand', async () => {
    await writeFiles(site);
    await writeFile(path.join(out, 'CNAME'), 'example.org');
    await mkdir(path.join(out, 'by-hand'));
    await writeFile(path.join(out, 'by-hand/notes.txt'), 'mine');
    await writeFiles(site);
    const { 'a/index.html': _removed, ...rest } = site;
    await writeFiles(rest);
    expect(await readTree(out)).toEqual(rest);
    expect(await readdir(out)).not.toContain('a');
  });

  it('never writes through a link put into the output folder by hand', async () => {
    const outside = path.join(dir, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'index.html'), 'not the site’s');
    await writeFile(path.join(outside, 'feed.xml'), 'not the site’s either');
    await writeFiles(site);
    // dist/a becomes a link to a folder outside, dist/feed.xml a second name of a file outside.
    await rm(path.join(out, 'a'), { recursive: true });
    await symlink(outside, path.join(out, 'a'));
    await rm(path.join(out, 'feed.xml'));
    await link(path.join(outside, 'feed.xml'), path.join(out, 'feed.xml'));
    await writeFiles({ ...site, 'feed.xml': 'feed, edited' });
    await writeFiles({ ...site, 'feed.xml': 'feed, edited' });
    expect(await readTree(outside)).toEqual({ 'index.html': 'not the site’s', 'feed.xml': 'not the site’s either' });
    expect(await readTree(out)).toEqual({ ...site, 'feed.xml': 'feed, edited' });
  });

  it('drops the state of an output folder that is gone, when another one is built', async () => {
    await writeFiles(site);
    await writeFiles(site);
    await rm(out, { recursive: true });
    const other = await SiteWriter.open(path.join(dir, 'elsewhere'), path.join(dir, 'cache/output/other'));
    other.write({ path: 'index.html', contents: 'another site' });
    await other.finish(publicDir);
    expect(await readdir(path.join(dir, 'cache/output'))).toEqual(['other']);
  });

  it('turns a file into a folder and a folder into a file', async () => {
    await writeFiles({ 'x': 'a file', 'y/index.html': 'a folder' });
    await writeFiles({ 'x': 'a file', 'y/index.html': 'a folder' });
    await writeFiles({ 'x/index.html': 'now a folder', 'y': 'now a file' });
    expect(await readTree(out)).toEqual({ 'x/index.html': 'now a folder', 'y': 'now a file' });
  });

  it('rewrites a kept file that was edited since, even to the same size', async () => {
    await writeFiles(site);
    await writeFiles(site);
    await writeFile(path.join(state, 'previous/a/index.html'), 'PAGE A');
    expect(await writeFiles(site)).toBe(3);
    expect(await readTree(out)).toEqual(site);
  });

  it('trusts nothing of the kept tree when its manifest is broken', async () => {
    await writeFiles(site);
    await writeFiles(site);
    await writeFile(path.join(state, 'manifest.json'), '{"previous": {"a/index.html": [1');
    expect(await writeFiles(site)).toBe(0);
    expect(await readTree(out)).toEqual(site);
  });

  it('copies public/ last and again only when a file there changes', async () => {
    await writeFile(path.join(publicDir, 'style.css'), 'body {}');
    await writeFile(path.join(publicDir, 'index.html'), 'an upload wins over the page');
    await writeFiles(site);
    await writeFiles(site);
    // All but index.html: the page is written, then the upload over it (the build warns of that).
    expect(await writeFiles(site)).toBe(4);
    expect(await readTree(out)).toEqual({ ...site, 'index.html': 'an upload wins over the page', 'style.css': 'body {}' });
    await writeFile(path.join(publicDir, 'style.css'), 'body { color: red }');
    await writeFiles(site);
    expect((await readTree(out))['style.css']).toBe('body { color: red }');
  });

  it('keeps an abandoned tree as the base of the next build, which still comes out whole', async () => {
    await writeFiles(site);
    await writeFiles(site);
    const writer = await SiteWriter.open(out, state);
    writer.write({ path: 'a/index.html', contents: 'half a build' });
    writer.write({ path: 'new/index.html', contents: 'never finished' });
    await writer.abandon();
    expect(await readTree(out)).toEqual(site);
    expect(await readdir(state)).not.toContainEqual(expect.stringMatching(/^work-/));
    expect(await writeFiles(site)).toBe(3);
    expect(await readTree(out)).toEqual(site);
  });
});
