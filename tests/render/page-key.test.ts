import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
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

  it('gives no key to a layout that can read everything, or to a context holding more than data', () => {
    const keys = new PageKeys(templates(reads));
    expect(keys.keyOf('everything', context(), state())).toBeUndefined();
    expect(keys.keyOf('unknown-layout', context(), state())).toBeUndefined();
    expect(keys.keyOf('paper', { ...context(), page: { when: new Map([['a', 1]]) } }, state())).toBeUndefined();
    expect(keys.keyOf('paper', { ...context(), site: { now: () => 'x' } }, state())).toBeUndefined();
  });
});
