import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import type { ReusedBlock } from '../../../src/render/helpers/reuse.js';
import { registerHelpers } from '../../../src/render/helpers/index.js';

/** A Handlebars environment with Folio's helpers and a card partial like the publication one. */
function environment() {
  const env = Handlebars.create();
  registerHelpers(env);
  env.registerPartial('card', '<a href="{{url url}}">{{title}}</a>{{#each links}} <a href="{{url this}}">{{@index}}</a>{{/each}} <a href="{{url "https://x.org/?a=1&b=2"}}">out</a>');
  return env;
}

const state = (outputPath: string, reused?: WeakMap<object, ReusedBlock>, absoluteLinks = false) => ({ outputPath, absoluteLinks, origin: 'https://u.github.io', basePath: '/repo', language: 'en', ...(reused ? { reused } : {}) });

describe('{{#reuse}}', () => {
  const paper = { title: 'Sharp <minima>', url: '/publications/a/', links: ['/publications/a/paper.pdf', '/publications/topic/x/?q=a&b'] };
  const page = (env: typeof Handlebars, outputPath: string, reused?: WeakMap<object, ReusedBlock>, absoluteLinks = false) =>
    env.compile('{{#each items}}{{#reuse this}}{{> card}}{{/reuse}}{{/each}}')({ items: [paper], _render: state(outputPath, reused, absoluteLinks) });

  it('gives on every page what rendering the block there would, links made relative to that page', () => {
    const env = environment();
    const reused = new WeakMap<object, ReusedBlock>();
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
    const reused = new WeakMap<object, ReusedBlock>();
    const items = [{ a: 1 }, { b: 2 }];
    for (const outputPath of ['publications/index.html', 'publications/type/journal/index.html']) template({ items, _render: state(outputPath, reused) });
    expect(renders).toBe(2);
    // Without a build's memo (a template rendered on its own), the block is just rendered.
    template({ items, _render: state('index.html') });
    expect(renders).toBe(4);
  });
});
