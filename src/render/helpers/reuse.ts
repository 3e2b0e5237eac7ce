import Handlebars, { type HelperOptions } from 'handlebars';
import { stateOf } from './context.js';
import { LINK_SLOT, siteUrl } from './url.js';

/** A block rendered once for a build: its HTML with a slot for each link, and the links' site paths. */
export interface ReusedBlock {
  readonly html: string;
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
    block = { html: options.fn(this, { data }), links };
    blocks.set(key, block);
  }
  const { links } = block;
  return block.html.replace(LINK_SLOT, (_, i: string) => Handlebars.escapeExpression(siteUrl(links[Number(i)]!, state)));
}
