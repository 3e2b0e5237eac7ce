import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import type { RenderState } from '../../src/render/helpers/context.js';
import { PageKeys } from '../../src/render/page-key.js';
import type { Templates } from '../../src/render/templates.js';

const templates = (reads: Record<string, string[] | null>, fingerprint = 'templates-1'): Templates => ({
  dir: 'templates',
  env: Handlebars.create(),
  layouts: new Map(),
  reads: new Map(Object.entries(reads)),
  fingerprint,
});

const state = (outputPath = 'publications/a/index.html'): RenderState => ({ outputPath, absoluteLinks: false, origin: 'https://ada.example', basePath: '', language: 'en' });

/** A paper page's context, made afresh each call as every build makes it. */
const context = (title = 'Sharp minima', others = ['b', 'c']) => ({
  publication: { key: 'a', title, authors: [{ name: 'Ada Lovelace', owner: true }], cite: [{ style: 'apa', html: `<i>${title}</i>` }] },
  site: { title: 'Ada', navigation: [{ title: 'Home', url: '/', active: false }] },
  page: { title, meta_tags: [{ name: 'citation_title', content: title }] },
  publications: others.map((key) => ({ key })),
});

describe('PageKeys', () => {
  const reads = { paper: ['page', 'publication', 'site'], everything: null };

  it('gives equal contexts built separately the same key, and another build the same key too', () => {
    const key = new PageKeys(templates(reads)).keyOf('paper', context(), state());
    expect(key).toMatch(/^[\w-]{27}$/);
    expect(new PageKeys(templates(reads)).keyOf('paper', context(), state())).toBe(key);
  });

  it('changes with any value the layout reads, however deep, and with the page’s place and templates', () => {
    const keys = new PageKeys(templates(reads));
    const key = keys.keyOf('paper', context(), state());
    expect(keys.keyOf('paper', context('Flat minima'), state())).not.toBe(key);
    const edited = context();
    edited.publication.authors[0]!.owner = false;
    expect(keys.keyOf('paper', edited, state())).not.toBe(key);
    expect(keys.keyOf('paper', context(), state('publications/b/index.html'))).not.toBe(key);
    expect(keys.keyOf('paper', context(), { ...state(), basePath: '/repo' })).not.toBe(key);
    expect(new PageKeys(templates(reads, 'templates-2')).keyOf('paper', context(), state())).not.toBe(key);
  });

  it('tells apart values whose text could run together', () => {
    const keys = new PageKeys(templates({ page: ['page'] }));
    const of = (page: unknown) => keys.keyOf('page', { page }, state());
    expect(of({ a: 'b', c: 'd' })).not.toBe(of({ a: 'b,c=d' }));
    expect(of(['1', 1])).not.toBe(of([1, '1']));
    expect(of({ a: undefined })).not.toBe(of({ a: null }));
    expect(of({ a: 1, b: 2 })).not.toBe(of({ b: 2, a: 1 }));
  });

  it('ignores what the layout cannot read', () => {
    const keys = new PageKeys(templates(reads));
    expect(keys.keyOf('paper', context('Sharp minima', ['b', 'c', 'd']), state())).toBe(keys.keyOf('paper', context(), state()));
  });

  it('gives no key to a layout that can read everything, or for a value that is not plain data', () => {
    const keys = new PageKeys(templates(reads));
    expect(keys.keyOf('everything', context(), state())).toBeUndefined();
    expect(keys.keyOf('unknown-layout', context(), state())).toBeUndefined();
    expect(keys.keyOf('paper', { ...context(), page: new Map([['title', 'x']]) }, state())).toBeUndefined();
    expect(keys.keyOf('paper', { ...context(), site: () => 'x' }, state())).toBeUndefined();
  });
});

/** Every value below `value` that JSON.stringify would not write out as a template sees it. */
function notPlainData(value: unknown, at = ''): string[] {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${at}: ${value}`];
  if (typeof value !== 'object') return [`${at}: a ${typeof value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => notPlainData(item, `${at}[${i}]`));
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return [`${at}: a ${prototype?.constructor?.name ?? 'class instance'}`];
  return Object.entries(value).flatMap(([key, item]) => notPlainData(item, `${at}.${key}`));
}

describe('page contexts', () => {
  // PageKeys writes objects out with JSON.stringify, which is exact only for plain data.
  it('hold only plain data, on every page of the example site', async () => {
    const seen: string[] = [];
    let pages = 0;
    const original = PageKeys.prototype.keyOf;
    PageKeys.prototype.keyOf = function (layout, context, renderState) {
      pages += 1;
      const { _render, ...data } = context as Record<string, unknown>;
      seen.push(...notPlainData(data, renderState.outputPath));
      return original.call(this, layout, context, renderState);
    };
    const dir = await mkdtemp(path.join(tmpdir(), 'folio-contexts-'));
    try {
      await build({ content: 'content', templates: 'templates', public: 'public', out: path.join(dir, 'dist'), cacheDir: path.join(dir, 'cache') });
    } finally {
      PageKeys.prototype.keyOf = original;
      await rm(dir, { recursive: true, force: true });
    }
    expect(pages).toBeGreaterThan(40);
    expect(seen).toEqual([]);
  });

  it('would be caught holding anything else', () => {
    expect(notPlainData({ a: [{ b: new Map() }], c: new Date(0), d: NaN, e: () => 1 })).toEqual(['.a[0].b: a Map', '.c: a Date', '.d: NaN', '.e: a function']);
  });
});
