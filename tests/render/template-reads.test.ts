import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/render/templates.js';
import { readsOf } from '../../src/render/template-reads.js';

const reads = (source: string) => {
  const found = readsOf(Handlebars.parse(source));
  return found && [...found].sort();
};

describe('readsOf', () => {
  it('names the first segment of every path looked up in the root context, helpers left out', () => {
    expect(reads('{{page.title}} {{#each site.navigation}}<a href="{{url this.url}}">{{title}}</a>{{/each}}')).toEqual(['page', 'site']);
    expect(reads('{{#if (eq page.layout "home")}}{{@root.build.generator}}{{/if}} {{date page.date "long"}}')).toEqual(['build', 'page']);
    expect(reads('{{#with publication}}{{> authors list=authors}}{{/with}}')).toEqual(['publication']);
  });

  it('follows `../` and @root out of blocks, and nothing else', () => {
    // Inside `with`, `projects` is the publication's own field, not the site's list.
    expect(reads('{{#with publication}}{{#if projects.length}}{{projects.0.title}}{{/if}}{{/with}}')).toEqual(['publication']);
    expect(reads('{{#with publication}}{{../projects.length}}{{/with}}')).toEqual(['projects', 'publication']);
    expect(reads('{{#each items}}{{#each tags}}{{../../site.title}} {{@root.page.title}}{{/each}}{{/each}}')).toEqual(['items', 'page', 'site']);
    // `if` keeps the context: a name in it is the root's.
    expect(reads('{{#if page}}{{talks}}{{/if}}')).toEqual(['page', 'talks']);
    // An `else` of `each` runs in the outer context.
    expect(reads('{{#each items}}x{{else}}{{news}}{{/each}}')).toEqual(['items', 'news']);
  });

  it('sees `this` inside each and with as an item, not the whole context', () => {
    expect(reads('{{#each publication.extra_venues}}{{{this}}}{{/each}}')).toEqual(['publication']);
    expect(reads('{{#with page}}{{json this}}{{/with}}')).toEqual(['page']);
  });

  it.each([
    ['{{json this}}', 'the root as a helper argument'],
    ['{{> sidebar this}}', 'the root handed to a partial'],
    ['{{#if page}}{{json this}}{{/if}}', 'the root inside if, which keeps the context'],
    ['{{#each items}}{{json ..}}{{/each}}', 'the parent of an each item'],
    ['{{lookup @root "publications"}}', 'a bare @root'],
    ['{{#each items}}{{#with this}}{{json ../..}}{{/with}}{{/each}}', 'two levels up'],
  ])('counts %s as reading everything (%s)', (source) => {
    expect(reads(source)).toBeUndefined();
  });
});

describe('layout reads of the default theme', () => {
  it('lets a paper page read its publication, the site and the page, not every other paper', async () => {
    const templates = await loadTemplates('templates');
    const paper = templates.reads.get('paper');
    expect(paper).toEqual(expect.arrayContaining(['publication', 'site', 'page', 'build']));
    expect(paper).not.toContain('publications');
    expect(paper).not.toContain('publication_groups');
    // A filter page reads its own groups and the count, not every paper.
    expect(templates.reads.get('publications')).toEqual(expect.arrayContaining(['publication_groups', 'publication_count']));
    expect(templates.reads.get('publications')).not.toContain('publications');
  });
});
