import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { partialsOf } from '../../src/render/template-partials.js';

const of = (source: string) => partialsOf(Handlebars.parse(source));

describe('partialsOf', () => {
  it('lists the partials a template includes by name, where they are written, inside blocks too', () => {
    expect(of('<main>\n  {{> sidebar}}\n  {{#if x}}{{else}}{{> "quoted" a=1}}{{/if}}\n  {{#each xs}}\n{{> item}}{{/each}}\n</main>').uses).toEqual([
      { name: 'sidebar', line: 2, column: 3 },
      { name: 'quoted', line: 3, column: 20 },
      { name: 'item', line: 5, column: 1 },
    ]);
  });

  it('lists inline partials, and leaves out partial blocks, computed names and @partial-block', () => {
    const found = of('{{#*inline "row"}}{{> @partial-block}}{{/inline}}{{#> layout}}fallback{{/layout}}{{> (lookup . "name")}}{{> row}}');
    expect(found).toEqual({ uses: [{ name: 'row', line: 1, column: 105 }], inline: ['row'] });
  });
});
