import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadContent } from '../../src/content/index.js';
import { DiagnosticBag } from '../../src/errors.js';
import { buildSite, type SiteModel } from '../../src/model/site.js';
import { BuildCache } from '../../src/output/cache.js';
import { loadSiteMarkdown } from '../../src/render/site-markdown.js';
import { renderSite } from '../../src/render/site.js';
import { loadTemplates } from '../../src/render/templates.js';
import { ROOT } from '../helpers/build-fixture.js';
import { hashTree } from '../helpers/hash-tree.js';

const run = promisify(execFile);

/** Packages of the markdown stack: a build whose markdown is all cached loads none of them. */
const MARKDOWN_STACK = /\/node_modules\/(unified|remark-[^/]+|rehype-[^/]+|micromark[^/]*|mdast-[^/]+|hast-[^/]+|hastscript)\//;

const site = (out: string, cacheDir?: string) => ({
  content: path.join(ROOT, 'content'),
  templates: path.join(ROOT, 'templates'),
  public: path.join(ROOT, 'public'),
  out,
  ...(cacheDir ? { cacheDir } : {}),
});

describe('markdown from the build cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-site-markdown-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('renders the same site cold, warm (every body cached) and without a cache', async () => {
    const cacheDir = path.join(dir, 'cache');
    await build(site(path.join(dir, 'cold'), cacheDir));
    await build(site(path.join(dir, 'warm'), cacheDir));
    await build(site(path.join(dir, 'uncached')));
    const cold = await hashTree(path.join(dir, 'cold'));
    expect(await hashTree(path.join(dir, 'warm'))).toEqual(cold);
    expect(await hashTree(path.join(dir, 'uncached'))).toEqual(cold);
    // The cold build did render markdown (a heading of the home page's body, its id made by rehype-slug).
    expect(await readFile(path.join(dir, 'cold/index.html'), 'utf8')).toContain('<h2 id="research-interests">Research interests</h2>');
    expect(Object.keys(JSON.parse(await readFile(path.join(cacheDir, 'markdown.json'), 'utf8')) as object).length).toBeGreaterThan(20);
  }, 60_000);

  it('asks the cache, before rendering, for every markdown the render asks for', async () => {
    const bag = new DiagnosticBag();
    const model = buildSite((await loadContent(path.join(ROOT, 'content'), bag))!, bag, new Set());
    const templates = await loadTemplates(path.join(ROOT, 'templates'));
    const probed = new Set<string>();
    const unprobed: string[] = [];
    // A cache that knows everything it is asked about, and notes what the render asks for that it was never asked about.
    const recording = {
      knows: (_: string, key: string) => {
        probed.add(key);
        return true;
      },
      through: (_: string, key: string) => {
        if (!probed.has(key)) unprobed.push(key);
        return `<p>${key.length}</p>`;
      },
    } as unknown as BuildCache;
    await renderSite(model, templates, bag, { version: 'test', markdownCache: recording });
    expect(unprobed).toEqual([]);
    expect(probed.size).toBeGreaterThan(20);
    expect([...probed].some((key) => key.startsWith('inline\0'))).toBe(true);
  });

  it('fails, never renders empty, when markdown it was not asked for is missing', async () => {
    const bag = new DiagnosticBag();
    const model: SiteModel = buildSite((await loadContent(path.join(ROOT, 'content'), bag))!, bag, new Set());
    const cache = await BuildCache.open(undefined, 'markdown');
    const markdown = await loadSiteMarkdown(model.site, cache, () => undefined);
    expect(() => markdown.render('# Not asked for')).toThrow(/Internal error/);
    expect(() => markdown.renderInline('*Not asked for*')).toThrow(/Internal error/);
  });

  it('loads no part of remark or rehype in a build whose markdown is all cached', async () => {
    // Another process, as a user runs it: here vitest has loaded remark already. A loader hook lists every module it loads.
    await writeFile(path.join(dir, 'list-hook.mjs'), 'export async function load(url, context, next) { console.error(`LOADED ${url}`); return next(url, context); }\n');
    await writeFile(path.join(dir, 'list.mjs'), "import { register } from 'node:module';\nregister('./list-hook.mjs', import.meta.url);\n");
    const cacheDir = path.join(dir, 'child-cache');
    const buildOnce = async (out: string) => {
      const script = `const { build } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/build.ts')).href)}); await build(${JSON.stringify(site(path.join(dir, out), cacheDir))});`;
      const { stderr } = await run(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(path.join(dir, 'list.mjs')).href, '--input-type=module', '-e', script], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
      return [...stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]!);
    };
    const cold = await buildOnce('child-cold');
    expect(cold.filter((url) => MARKDOWN_STACK.test(url))).toContainEqual(expect.stringContaining('/node_modules/remark-parse/'));
    const warm = await buildOnce('child-warm');
    expect(warm.filter((url) => url.includes('/src/build.ts'))).toHaveLength(1);
    expect(warm.filter((url) => MARKDOWN_STACK.test(url))).toEqual([]);
    expect(await hashTree(path.join(dir, 'child-warm'))).toEqual(await hashTree(path.join(dir, 'child-cold')));
  }, 120_000);
});
