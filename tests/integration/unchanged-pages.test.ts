import { hash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { hashTree } from '../helpers/hash-tree.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Pages whose file is in place with the page key it was written with are not rendered again. The
 * one thing that must never happen: a site that differs from what a fresh build makes.
 */
describe('pages unchanged since an earlier build', () => {
  let dir: string;
  let content: string;
  let templates: string;
  const out = () => path.join(dir, 'dist');
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-unchanged-'));
    content = path.join(dir, 'content');
    templates = path.join(dir, 'templates');
    await cp(path.join(ROOT, 'content'), content, { recursive: true });
    await cp(path.join(ROOT, 'templates'), templates, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const options = () => ({ content, templates, public: path.join(ROOT, 'public'), out: out(), cacheDir: path.join(dir, 'cache') });
  const incremental = () => build(options());
  /** What a build with no cache and no earlier output makes of the same files. */
  const fresh = async () => {
    const elsewhere = path.join(dir, 'fresh');
    await rm(elsewhere, { recursive: true, force: true });
    await build({ ...options(), out: elsewhere, cacheDir: undefined });
    return hashTree(elsewhere);
  };

  /** Builds until the tree the next build starts from holds this version of the site (the writer keeps the one before last). */
  const settle = async () => {
    await incremental();
    return incremental();
  };

  it('renders no page of a site that did not change, and makes the same site', async () => {
    await incremental();
    await incremental();
    const third = await incremental();
    expect(third.pagesKept).toBe(third.pages);
    expect(await hashTree(out())).toEqual(await fresh());
  });

  it('renders again the pages an edited entry shows on, and only those', async () => {
    await settle();
    // The build starts from the tree the writer kept, the site before last: that file stays.
    const kept = path.join(dir, 'cache/output', hash('sha1', path.resolve(out())).slice(0, 12), 'previous');
    const unrelated = 'publications/kovacevic2020heavyball/index.html';
    const before = await stat(path.join(kept, unrelated));
    const bib = path.join(content, 'publications/papers.bib');
    // The venue's badge: shown by the paper's card and page, in no meta tag of the page.
    await writeFile(bib, (await readFile(bib, 'utf8')).replace('abbr      = {OPT},', 'abbr      = {OPT-W},'));
    const edited = await incremental();
    expect(edited.pagesKept).toBeGreaterThan(0);
    expect(edited.pagesKept).toBeLessThan(edited.pages);
    expect(await readFile(path.join(out(), 'publications/kovacevic2019warmup/index.html'), 'utf8')).toContain('>OPT-W<');
    expect(await readFile(path.join(out(), 'publications/index.html'), 'utf8')).toContain('>OPT-W<');
    expect((await stat(path.join(out(), unrelated))).ino).toBe(before.ino);
    expect(await hashTree(out())).toEqual(await fresh());
    // The build after starts from the tree before the edit: it must see the change too.
    await incremental();
    expect(await hashTree(out())).toEqual(await fresh());
  });

  it.each([
    ['a template', 'templates/layouts/paper.hbs', (text: string) => text.replace('<h2 id="abstract">Abstract</h2>', '<h2 id="abstract">Summary</h2>')],
    ['the site’s title', 'content/site.yml', (text: string) => text.replace('title: "Ada Kovačević"', 'title: "Ada K."')],
  ])('renders every page again after a change to %s', async (_, file, edit) => {
    await settle();
    const target = path.join(dir, file);
    await writeFile(target, edit(await readFile(target, 'utf8')));
    const after = await incremental();
    expect(after.pagesKept).toBe(0);
    expect(await hashTree(out())).toEqual(await fresh());
  });

  // One edit of each kind of content, one after the other: what other pages show of it (home's
  // news, author links on every card, metrics, a person's papers) must follow.
  it('after edits of every kind of content, one after another, makes what a fresh build makes', async () => {
    await settle();
    const edits: [string, RegExp, string][] = [
      ['content/news/2025-10-21-muon-preprint.md', /\n*$/, ' Now with code.\n'],
      ['content/coauthors.yml', /https:\/\/www\.example\.edu\/~brandt\//, 'https://brandt.example.org/'],
      ['content/citations.yml', /kovacevic2020heavyball: 118/, 'kovacevic2020heavyball: 119'],
      ['content/people/lena-hofer.md', /^name: Lena Hofer$/m, 'name: Lena M. Hofer'],
      ['content/projects/optstab.md', /^title: OptStab$/m, 'title: OptStab benchmark'],
      ['content/talks/schedule-free.md', /Really Doing\?/, 'Really Doing? (Revised)'],
      ['content/publications/theses.bib', /title\s*=\s*\{/, 'title = {Revised: '],
      ['content/cv.yml', /title: Education/, 'title: Education and Training'],
    ];
    for (const [file, find, replace] of edits) {
      const target = path.join(dir, file);
      const before = await readFile(target, 'utf8');
      const after = before.replace(find, replace);
      expect(after, file).not.toBe(before);
      await writeFile(target, after);
      const result = await incremental();
      expect(result.pagesKept, file).toBeLessThan(result.pages);
      expect(await hashTree(out()), file).toEqual(await fresh());
    }
  });

  it('renders a page again when its file in the output folder was edited by hand', async () => {
    await settle();
    const page = path.join(out(), 'teaching/index.html');
    await writeFile(page, 'edited by hand');
    await incremental();
    const after = await incremental();
    expect(after.pagesKept).toBe(after.pages - 1);
    expect(await hashTree(out())).toEqual(await fresh());
  });
});
