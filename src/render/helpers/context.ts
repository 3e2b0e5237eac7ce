import type { HelperOptions } from 'handlebars';

/** What every helper may know about the page being rendered (set by renderSite on the root context). */
export interface RenderState {
  /** Output file of the page, e.g. `publications/index.html`. */
  readonly outputPath: string;
  /** Write links absolute from the site root (404.html is served at any depth). */
  readonly absoluteLinks: boolean;
  readonly origin: string;
  readonly basePath: string;
  readonly language: string;
}

export function stateOf(options: HelperOptions): RenderState {
  return (options.data.root as { _render: RenderState })._render;
}
