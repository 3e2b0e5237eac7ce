import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import type { KeptBlocks, ReusedBlock } from '../../../src/render/helpers/reuse.js';
import { registerHelpers } from '../../../src/render/helpers/index.js';
import { nameReuseBlocks } from '../../../src/render/reuse-blocks.js';

/** A Handlebars environment with Folio's helpers and a card partial like the publication one. */
function environment() {
  const env = Handlebars.create();
  registerHelpers(env);
  env.registerPartial('card', '<a href="{{url url}}">{{title}}</a>{{#each links}} <a href="{{url this}}">{{@index}}</a>{{/each}} <a href="{{url "https://x.org/?a=1&b=2"}}">out</a>');
  return env;
}

type Reused = WeakMap<object, Map<string, ReusedBlock>>;

const state = (outputPath: string, reused?: Reused, absoluteLinks = false, kept?: KeptBlocks) => ({ outputPath, absoluteLinks, origin: 'https://u.github.io', basePath: '/repo', language: 'en', ...(reused ? { reused } : {}), ...(kept ? { kept } : {}) });

/** A template compiled as Folio compiles them: each `{{#reuse}}` block named by its template and itself, as parsed. */
function compiled(env: typeof Handlebars, source: string, template = 'layouts/page') {
  const program = env.parse(source);
  nameReuseBlocks(program, template);
  return env.compile(program);
}

describe('{{#reuse}}', () => {
  const paper = { title: 'Sharp <minima>', url: '/publications/a/', links: ['/publications/a/paper.pdf', '/publications/topic/x/?q=a&b'] };
  const page = (env: typeof Handlebars, outputPath: string, reused?: Reused, absoluteLinks = false) =>
    env.compile('{{#each items}}{{#reuse this}}{{> card}}{{/reuse}}{{/each}}')({ items: [paper], _render: state(outputPath, reused, absoluteLinks) });

  it('gives on every page what rendering the block there would, links made relative to that page', () => {
    const env = environment();
    const reused = new WeakMap<object, Map<string, ReusedBlock>>();
    for (const [outputPath, absolute] of [['publications/index.html', false], ['publications/topic/x/index.html', false], ['index.html', false], ['404.html', true]] as const) {
      expect(page(env, outputPath, reused, absolute)).toBe(page(env, outputPath, undefined, absolute));
    }
    expect(page(env, 'publications/topic/x/index.html', reused)).toContain('href="./?q&#x3D;a&amp;b"');
  });

  it('renders the block once per object for the whole build', () => {
    const env = environment();
    let renders = 0;
    env.registerHelper('counted', () => String(++renders));
    const template = env.compile('{{#each items}}{{#reuse this}}{{counted}}{{/reuse}}{{/each}}');
    const reused = new WeakMap<object, Map<string, ReusedBlock>>();
    const items = [{ a: 1 }, { b: 2 }];
    for (const outputPath of ['publications/index.html', 'publications/type/journal/index.html']) template({ items, _render: state(outputPath, reused) });
    expect(renders).toBe(2);
    // Without a build's memo (a template rendered on its own), the block is just rendered.
    template({ items, _render: state('index.html') });
    expect(renders).toBe(4);
  });

  it('keeps the renderings of two different blocks over the same object apart, and shares one block’s', () => {
    const env = environment();
    const reused: Reused = new WeakMap();
    const card = compiled(env, '{{#each items}}{{#reuse this}}[{{title}}]{{/reuse}}{{/each}}');
    const line = compiled(env, '{{#each items}}{{#reuse this}}({{title}}){{/reuse}} {{#reuse this}}[{{title}}]{{/reuse}}{{/each}}');
    const items = [{ title: 'A' }];
    expect(card({ items, _render: state('index.html', reused) })).toBe('[A]');
    expect(line({ items, _render: state('publications/index.html', reused) })).toBe('(A) [A]');
  });

  it('tells apart blocks of the same text that the text around them makes render differently', () => {
    const env = environment();
    const reused: Reused = new WeakMap();
    const item = { title: 'A' };
    // A tag alone on its line loses its newline; the same block after other text on the line keeps it.
    const alone = compiled(env, '{{#with item}}B\n{{#reuse this}}\n  {{title}}\n{{/reuse}}{{/with}}');
    const inline = compiled(env, '{{#with item}}<i>{{#reuse this}}\n  {{title}}\n{{/reuse}}</i>{{/with}}');
    expect(alone({ item, _render: state('index.html', reused) })).toBe('B\n  A\n');
    expect(inline({ item, _render: state('index.html', reused) })).toBe('<i>\n  A\n</i>');
  });

  it('takes a block an earlier build kept instead of rendering it, and keeps each block it renders', () => {
    const env = environment();
    let renders = 0;
    env.registerHelper('counted', () => String(++renders));
    const store = new Map<string, ReusedBlock>();
    const kept: KeptBlocks = {
      get: (block, value) => store.get(`${block} ${JSON.stringify(value)}`),
      set: (block, value, made) => void store.set(`${block} ${JSON.stringify(value)}`, made),
    };
    const template = compiled(env, '{{#each items}}{{#reuse this}}<a href="{{url url}}">{{counted}}</a>{{/reuse}}{{/each}}');
    const items = [{ url: '/a/' }, { url: '/b/' }];
    const first = template({ items, _render: state('index.html', new WeakMap(), false, kept) });
    expect(renders).toBe(2);
    expect(store.size).toBe(2);
    // The next build: new objects with the same data, rendered nowhere yet; links still made for the page.
    const next = template({ items: items.map((i) => ({ ...i })), _render: state('publications/index.html', new WeakMap(), false, kept) });
    expect(renders).toBe(2);
    expect(first).toBe('<a href="a/">1</a><a href="b/">2</a>');
    expect(next).toBe('<a href="../a/">1</a><a href="../b/">2</a>');
  });
});
