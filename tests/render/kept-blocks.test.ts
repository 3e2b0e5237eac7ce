import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildCache } from '../../src/output/cache.js';
import { keptBlocks } from '../../src/render/kept-blocks.js';
import { PageKeys } from '../../src/render/page-key.js';
import type { Templates } from '../../src/render/templates.js';

const templates = (fingerprint = 'templates-1'): Templates => ({ dir: 'templates', env: Handlebars.create(), layouts: new Map(), reads: new Map(), fingerprint });

/** A publication view, made afresh each call as every build makes it. */
const view = (title = 'Sharp minima') => ({ key: 'a', title_html: title, authors: [{ name: 'Ada Lovelace', owner: true }], links: [{ id: 'pdf', url: '/publications/a/a.pdf' }] });
const card = { pieces: ['<a href="', '">Sharp minima</a> <a href="', '">PDF</a>'], links: ['/publications/a/', '/publications/a/a.pdf'] };

describe('keptBlocks', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-kept-blocks-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** The blocks a build kept in `dir`, as the next build sees them. */
  const nextBuild = async (fingerprint?: string, siteWide = 'site 1') => {
    const cache = await BuildCache.open(dir, 'blocks');
    return { cache, blocks: keptBlocks(cache, new PageKeys(templates(fingerprint)), siteWide) };
  };

  it('gives the next build the block for an object with the same data, and nothing for anything else', async () => {
    const first = await nextBuild();
    expect(first.blocks.get('card', view())).toBeUndefined();
    first.blocks.set('card', view(), card);
    await first.cache.save();

    expect((await nextBuild()).blocks.get('card', view())).toEqual(card);
    // Another value of the object, another block, other templates or other site settings: not that block.
    expect((await nextBuild()).blocks.get('card', view('Flat minima'))).toBeUndefined();
    expect((await nextBuild()).blocks.get('line', view())).toBeUndefined();
    expect((await nextBuild('templates-2')).blocks.get('card', view())).toBeUndefined();
    expect((await nextBuild(undefined, 'site 2')).blocks.get('card', view())).toBeUndefined();
  });

  it('keeps nothing for an object it cannot key, and ignores an entry it cannot read', async () => {
    class Card {}
    const first = await nextBuild();
    first.blocks.set('card', new Card(), card);
    first.blocks.set('card', view(), card);
    await first.cache.save();
    const file = path.join(dir, 'blocks.json');
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(Object.keys(stored)).toHaveLength(1);
    await writeFile(file, JSON.stringify(Object.fromEntries(Object.keys(stored).map((key) => [key, '{"pieces": ["a"], "links": ["/b/"]}']))));
    expect((await nextBuild()).blocks.get('card', view())).toBeUndefined();
  });
});
