import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/output/cache.js';
import { templatesOf } from '../../src/render/template-cache.js';
import { loadTemplates } from '../../src/render/templates.js';
import { ROOT } from '../helpers/build-fixture.js';

describe('compiled templates between builds', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-templates-'));
    await cp(path.join(ROOT, 'templates'), dir, { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('are reused while no layout or partial changes, and compiled again after an edit', async () => {
    const first = await templatesOf(dir);
    expect(await templatesOf(dir, first)).toBe(first);
    await writeFile(path.join(dir, 'partials/footer-extra.hbs'), '<p>Extra</p>');
    const second = await templatesOf(dir, first);
    expect(second).not.toBe(first);
    expect(second.templates.env.partials['footer-extra']).toBeDefined();
    await writeFile(path.join(dir, 'layouts/page.hbs'), '<main>{{{page.content}}}</main>');
    const third = await templatesOf(dir, second);
    expect(third).not.toBe(second);
    expect(third.templates.layouts.get('page')!({ page: { content: '<p>x</p>' } })).toBe('<main><p>x</p></main>');
  });
});

describe('precompiled templates in the build cache', () => {
  let dir: string;
  let cacheDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-templates-'));
    cacheDir = path.join(dir, 'cache');
    await mkdir(path.join(dir, 'layouts'), { recursive: true });
    await mkdir(path.join(dir, 'partials'));
    await writeFile(path.join(dir, 'layouts/page.hbs'), '{{#*inline "aside"}}<aside>{{site.title}}</aside>{{/inline}}<main>{{> heading}}{{{page.content}}}{{> aside}}</main>');
    await writeFile(path.join(dir, 'partials/heading.hbs'), '<h1>{{page.title}}</h1>');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const context = { site: { title: 'Ada <Lab>' }, page: { title: 'A & B', content: '<p>x</p>' } };

  it('are taken from the cache by the next process, and render the same', async () => {
    const first = await BuildCache.open(cacheDir, 'templates');
    const fresh = await loadTemplates(dir, first);
    expect(first.stats).toEqual({ hits: 0, misses: 1 });
    await first.save();
    const second = await BuildCache.open(cacheDir, 'templates');
    const cached = await loadTemplates(dir, second);
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
    expect(cached.layouts.get('page')!(context)).toBe(fresh.layouts.get('page')!(context));
    expect(cached.layouts.get('page')!(context)).toBe('<main><h1>A &amp; B</h1><p>x</p><aside>Ada &lt;Lab&gt;</aside></main>');
  });

  it('are checked again once a file changes: a missing partial is still reported with its line', async () => {
    const cache = await BuildCache.open(cacheDir, 'templates');
    await writeFile(path.join(dir, 'partials/heading.hbs'), '<h1>{{page.title}}</h1>\n{{> subtitle}}');
    await expect(loadTemplates(dir, cache)).rejects.toMatchObject({ diagnostic: { code: 'UnknownPartial', line: 2 } });
  });
});
