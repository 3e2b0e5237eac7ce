import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite, readSite, withTemporaryBuild } from '../../src/check/index.js';
import { main } from '../../src/cli/main.js';
import { build } from '../../src/index.js';
import { ROOT } from '../helpers/build-fixture.js';

const TODAY = '2026-01-20';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), colour: false }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

/** What `folio check` reports for the site in `site`, built with its own templates and public/. */
async function checkScaffold(site: string, baseUrl?: string): Promise<string[]> {
  const found = await withTemporaryBuild({ cwd: site, cacheDir: false, ...(baseUrl ? { baseUrl } : {}) }, async ({ out, address }) => checkSite(await readSite(out), address));
  return found.map((d) => `${d.code} ${d.file}:${d.line}: ${d.message}`);
}

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

describe('folio new <dir>', () => {
  let dir: string;
  let site: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-new-'));
    site = path.join(dir, 'my-site');
    expect(await run(['new', site, '--date', TODAY])).toMatchObject({ code: 0, out: expect.stringContaining(`Created a site in ${site}.`) });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('builds at once, without a warning, with its own theme', async () => {
    const result = await build({ cwd: site, cacheDir: false });
    expect(result.warnings).toEqual([]);
    expect(result).toMatchObject({ publications: 1, talks: 1 });
    const home = await readFile(path.join(site, 'dist/index.html'), 'utf8');
    expect(home).toContain('Your Name');
    expect(home).toContain('Site launched');
  });

  it('passes folio check at a domain root and under a base path', async () => {
    expect(await checkScaffold(site)).toEqual([]);
    expect(await checkScaffold(site, 'https://you.github.io/homepage/')).toEqual([]);
  });

  it('copies the default theme: every template and the stylesheet', async () => {
    expect(await listTree(path.join(site, 'templates'))).toEqual(await listTree(path.join(ROOT, 'templates')));
    expect(await readFile(path.join(site, 'public/assets/css/folio.css'), 'utf8')).toBe(await readFile(path.join(ROOT, 'public/assets/css/folio.css'), 'utf8'));
  });

  it('has a private package.json with build, dev and check scripts and this Folio as a file: dependency', async () => {
    const pkg = JSON.parse(await readFile(path.join(site, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'my-site', private: true, scripts: { build: 'folio build', dev: 'folio serve', check: 'folio check' } });
    expect(pkg.dependencies.folio).toMatch(/^file:/);
    expect(path.resolve(site, pkg.dependencies.folio.slice('file:'.length))).toBe(ROOT);
  });

  it('ignores dist/ and node_modules/ in git', async () => {
    expect((await readFile(path.join(site, '.gitignore'), 'utf8')).split('\n')).toEqual(expect.arrayContaining(['dist/', 'node_modules/']));
  });

  it('deploys with the same GitHub actions as Folio\'s own workflow, installing and building the site', async () => {
    const ours = await readFile(path.join(site, '.github/workflows/pages.yml'), 'utf8');
    const folios = await readFile(path.join(ROOT, '.github/workflows/pages.yml'), 'utf8');
    const actions = (text: string) => text.match(/uses: \S+/g);
    expect(actions(ours)).toEqual(actions(folios));
    expect(ours).toContain('run: npm ci');
    expect(ours).toContain('run: npm run build -- --base-url "${{ steps.pages.outputs.base_url }}"');
  });

  it('refuses a folder that is not empty, and leaves it as it was', async () => {
    const full = path.join(dir, 'full');
    await mkdir(full);
    await writeFile(path.join(full, 'notes.txt'), 'mine');
    const { code, err } = await run(['new', full]);
    expect(code).toBe(2);
    expect(err).toContain(`error: ${full} is not empty`);
    expect(await readdir(full)).toEqual(['notes.txt']);
  });

  it('accepts a folder that holds only .git (a freshly cloned empty repository)', async () => {
    const clone = path.join(dir, 'clone');
    await mkdir(path.join(clone, '.git'), { recursive: true });
    expect((await run(['new', clone, '--date', TODAY])).code).toBe(0);
    expect(await readdir(clone)).toEqual(expect.arrayContaining(['.git', 'content', 'package.json']));
  });

  it('adds a page, talk, news item and publication inside the site, with --content', async () => {
    const content = path.join(site, 'content');
    for (const kind of ['page', 'talk', 'news', 'publication']) {
      expect(await run(['new', kind, 'Rivers and Valleys', '--content', content, '--date', TODAY])).toMatchObject({ code: 0 });
    }
    expect(await listTree(content)).toEqual(expect.arrayContaining(['pages/rivers-and-valleys.md', 'talks/rivers-and-valleys.md', `news/${TODAY}-rivers-and-valleys.md`, 'publications/rivers-valleys-2026.bib']));
    expect((await build({ cwd: site, cacheDir: false })).warnings).toEqual([]);
    const again = await run(['new', 'talk', 'Rivers and Valleys', '--content', content]);
    expect(again).toMatchObject({ code: 2, err: expect.stringContaining('talks/rivers-and-valleys.md already exists') });
  });

  it.each([
    [['new'], 'needs a folder for a new site'],
    [['new', 'talk'], 'needs a title'],
    [['new', 'poster', 'Title'], 'Unknown kind "poster"'],
    [['new', 'talk', 'Two', 'words'], 'Unexpected argument "words"'],
    [['new', 'news', 'Hello', '--date', '2026-02-30'], '--date takes a date like'],
    [['new', 'news', 'Hello', '--content', '/nonexistent/content'], 'There is no /nonexistent/content/site.yml'],
  ])('exits 2 on %j', async (argv, message) => {
    const { code, err } = await run(argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
