import Handlebars, { type HelperOptions } from 'handlebars';
import { stateOf } from './context.js';
import { LINK_SLOT, siteUrl } from './url.js';

/**
 * A block rendered once for a build: its HTML cut at each link, and the links' site paths (one
 * fewer than the pieces). Each page joins the pieces around its own links: the result is a rope
 * over the same pieces, not a copy, which for 10,000 cards shown on five pages each is 300 MB.
 */
export interface ReusedBlock {
  readonly pieces: readonly string[];
  readonly links: readonly string[];
}

/**
 * `{{#reuse this}}{{> publication}}{{/reuse}}`: renders the block once per object for the whole
 * build and reuses it on every page showing that object. A publication card appears on the full
 * list, its type page and each of its topic pages; rendering it once saves a third of a 1,000-paper
 * build's render phase.
 *
 * Links differ from page to page (they are relative), so inside the block `{{url}}` leaves a slot
 * that each page fills in. Anything else the block shows must depend on the object and site-wide
 * data only, never on the page (`@root.page`) or its place in a list (`@index`): that is the promise
 * a template makes by using `reuse`, as with Hugo's `partialCached`.
 */
export function reuse(this: unknown, key: unknown, options: HelperOptions): string {
  const state = stateOf(options);
  const blocks = state.reused;
  // Without a build's memo, inside another reused block, or keyed by a plain value: just render.
  if (!blocks || state.links || typeof key !== 'object' || key === null) return options.fn(this);
  let block = blocks.get(key);
  if (!block) {
    const links: string[] = [];
    const data = Handlebars.createFrame(options.data) as { root: object };
    data.root = { ...(options.data.root as object), _render: { ...state, links } };
    // Slots are numbered in the order the links were made, so the pieces alternate with `links`.
    block = { pieces: options.fn(this, { data }).split(LINK_SLOT).filter((_, i) => i % 2 === 0), links };
    blocks.set(key, block);
  }
  const { pieces, links } = block;
  let html = pieces[0]!;
  for (let i = 0; i < links.length; i++) html += Handlebars.escapeExpression(siteUrl(links[i]!, state)) + pieces[i + 1]!;
  return html;
}
