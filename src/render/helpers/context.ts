import type { HelperOptions } from 'handlebars';
import type { KeptBlocks, ReusedBlock } from './reuse.js';

/** What every helper may know about the page being rendered (set by renderSite on the root context). */
export interface RenderState {
  /** Output file of the page, e.g. `publications/index.html`. */
  readonly outputPath: string;
  /** Write links absolute from the site root (404.html is served at any depth). */
  readonly absoluteLinks: boolean;
  readonly origin: string;
  readonly basePath: string;
  readonly language: string;
  /** Blocks of `{{#reuse}}` already rendered in this build, by their object and the block's name. */
  readonly reused?: WeakMap<object, Map<string, ReusedBlock>>;
  /** Blocks of `{{#reuse}}` rendered by earlier builds. */
  readonly kept?: KeptBlocks;
  /** Inside a block being rendered for reuse: the site paths its `{{url}}`s link to, in order. */
  readonly links?: string[];
}

export function stateOf(options: HelperOptions): RenderState {
  return (options.data.root as { _render: RenderState })._render;
}
