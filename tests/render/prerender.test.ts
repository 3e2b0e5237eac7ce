import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/index.js';
import { DiagnosticBag } from '../../src/errors.js';
import { buildSite } from '../../src/model/site.js';
import { BuildCache } from '../../src/output/cache.js';
import { renderInParallel } from '../../src/render/markdown/parallel.js';
import { createMarkdownRenderer } from '../../src/render/markdown/index.js';
import { prerenderPages } from '../../src/render/prerender.js';
import { renderSite } from '../../src/render/site.js';
import { markdownSetup } from '../../src/render/site-markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { ROOT } from '../helpers/build-fixture.js';

const state = { outputPath: 'index.html', absoluteLinks: true, origin: 'https://ada.example.org', basePath: '/repo', language: 'en' };

describe('markdown rendered across worker threads', () => {
  it('gives each source the HTML this thread gives it, in order', async () => {
    const sources = Array.from({ length: 9 }, (_, i) => `# Note ${i}\n\nSee [papers](/publications/) and <sup>${i}</sup>.<script>alert(${i})</script>`);
    const html = await renderInParallel(sources, { allowScripts: false, state, threads: 3 });
    const render = createMarkdownRenderer({});
    expect(html).toEqual(sources.map((s) => render(s, (p) => (p.startsWith('/') ? `/repo${p}` : p))));
    expect(html[4]).toContain('href="/repo/publications/"');
    expect(html.join('')).not.toContain('<script');
  });

  it('fills the cache so the site renders to the same pages as without it', async () => {
    const bag = new DiagnosticBag();
    const content = (await loadContent(path.join(ROOT, 'content'), bag))!;
    const model = buildSite(content, bag, new Set());
    const templates = await loadTemplates(path.join(ROOT, 'templates'));
    const plain = await renderSite(model, templates, bag, { version: 'test', markdownCache: await BuildCache.open(undefined, 'markdown') });

    const cache = await BuildCache.open(undefined, 'markdown');
    const rendered = await prerenderPages(model, cache, { minimum: 0, threads: 2 });
    expect(rendered).toBe(new Set(model.routes.flatMap((r) => (r.page ? [r.page.body] : []))).size);
    const { salt } = markdownSetup(model.site);
    for (const route of model.routes) if (route.page) expect(cache.knows(salt, route.page.body)).toBe(true);
    const parallel = await renderSite(model, templates, bag, { version: 'test', markdownCache: cache });
    expect(parallel).toEqual(plain);
  });

  it('leaves a small site to the main thread', async () => {
    const bag = new DiagnosticBag();
    const model = buildSite((await loadContent(path.join(ROOT, 'content'), bag))!, bag, new Set());
    expect(await prerenderPages(model, await BuildCache.open(undefined, 'markdown'))).toBe(0);
  });
});
