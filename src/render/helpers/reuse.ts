import type { HelperOptions } from 'handlebars';
import { handlebarsRuntime } from '../handlebars.js';
import { stateOf } from './context.js';
import { LINK_SLOT, siteUrl } from './url.js';
import { BLOCK_NAME } from '../reuse-blocks.js';

/**
 * A block rendered once for a build: its HTML cut at each link, and the links' site paths (one
 * fewer than the pieces). Each page joins the pieces around its own links: the result is a rope
 * over the same pieces, not a copy, which for 10,000 cards shown on five pages each is 300 MB.
 */
export interface ReusedBlock {
  readonly pieces: readonly string[];
  readonly links: readonly string[];
}

/** Blocks rendered by earlier builds, by the block's name (see reuse-blocks.ts) and the object's data. */
export interface KeptBlocks {
  get(block: string, value: object): ReusedBlock | undefined;
  set(block: string, value: object, made: ReusedBlock): void;
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
 * a template makes by using `reuse`, as with Hugo's `partialCached`. Site-wide data means the
 * site's settings (`@root.site`, but for which navigation item is active): blocks are kept between
 * builds (`state.kept`) by the object's data, the templates and those settings.
 */
export function reuse(this: unknown, key: unknown, options: HelperOptions): string {
  const state = stateOf(options);
  const blocks = state.reused;
  // Without a build's memo, inside another reused block, or keyed by a plain value: just render.
  if (!blocks || state.links || typeof key !== 'object' || key === null) return options.fn(this);
  const name = String((options.hash as Record<string, unknown>)[BLOCK_NAME] ?? '');
  let ofKey = blocks.get(key);
  if (!ofKey) blocks.set(key, (ofKey = new Map()));
  let block = ofKey.get(name);
  if (!block) {
    block = state.kept?.get(name, key);
    if (!block) {
      const links: string[] = [];
      const data = handlebarsRuntime.createFrame(options.data) as { root: object };
      data.root = { ...(options.data.root as object), _render: { ...state, links } };
      // Slots are numbered in the order the links were made, so the pieces alternate with `links`.
      block = { pieces: options.fn(this, { data }).split(LINK_SLOT).filter((_, i) => i % 2 === 0), links };
      state.kept?.set(name, key, block);
    }
    ofKey.set(name, block);
  }
  const { pieces, links } = block;
  let html = pieces[0]!;
  for (let i = 0; i < links.length; i++) html += handlebarsRuntime.escapeExpression(siteUrl(links[i]!, state)) + pieces[i + 1]!;
  return html;
}
