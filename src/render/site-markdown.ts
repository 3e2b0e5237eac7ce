import type { SiteModel } from '../model/site.js';
import type { BuildCache } from '../output/cache.js';
import type { RenderState } from './helpers/context.js';
import { siteUrl } from './helpers/url.js';
import { MARKDOWN_FINGERPRINT } from './markdown/fingerprint.js';
import { inlineRenderer, type RenderMarkdown } from './views.js';

/** The markdown of a site as its pages ask for it: HTML from the build cache, or rendered and kept there. */
export interface SiteMarkdown {
  /** A body (page, talk, news item, …) as HTML. */
  readonly render: RenderMarkdown;
  /** A one-paragraph snippet (a CV note) as HTML, without its `<p>`. */
  readonly renderInline: RenderMarkdown;
}

/** How markdown is rendered for `site`, and the part of its cache key besides the markdown itself. */
export function markdownSetup(site: SiteModel['site']): { rootState: RenderState; salt: string } {
  return {
    // Markdown is rendered once per item with root-absolute links (base path included), so it can be
    // shared by every page that shows it.
    rootState: { outputPath: 'index.html', absoluteLinks: true, origin: site.origin, basePath: site.basePath, language: site.language },
    // Same markdown, same renderer, same base path: same HTML, so an unchanged page is never re-rendered.
    salt: `${MARKDOWN_FINGERPRINT}|${site.basePath}|${site.allowScripts}`,
  };
}

/**
 * The site's markdown, for a render that must stay synchronous. Loading remark and rehype takes
 * about a third of a second, a sixth of a warm build of a 1,000-entry site, so they are loaded only
 * if `ask` (run first, against the cache alone, every answer empty) asks for some markdown the
 * cache lacks. `ask` must ask for all the render will: markdown it missed that the cache lacks too
 * fails the render with an Error, never renders empty.
 */
export async function loadSiteMarkdown(site: SiteModel['site'], cache: BuildCache | undefined, ask: (markdown: SiteMarkdown) => void): Promise<SiteMarkdown> {
  const { rootState, salt } = markdownSetup(site);
  let complete = cache !== undefined;
  if (cache) {
    ask(keyed((key) => {
      complete &&= cache.knows(salt, key);
      return '';
    }, NOT_LOADED));
  }
  const make = complete ? NOT_LOADED : await loadRenderers(site.allowScripts, rootState);
  return keyed(cache ? (key, html) => cache.through(salt, key, html) : (_, html) => html(), make);
}

interface Renderers {
  readonly block: RenderMarkdown;
  readonly inline: RenderMarkdown;
}

/** Block and inline markdown under their cache keys; inline HTML is kept apart from the same text's block HTML. */
function keyed(lookup: (key: string, html: () => string) => string, make: Renderers): SiteMarkdown {
  return {
    render: (markdown) => lookup(markdown, () => make.block(markdown)),
    renderInline: (markdown) => lookup(`inline\0${markdown}`, () => make.inline(markdown)),
  };
}

async function loadRenderers(allowScripts: boolean, state: RenderState): Promise<Renderers> {
  const { createMarkdownRenderer } = await import('./markdown/index.js');
  const render = createMarkdownRenderer({ allowScripts });
  const toSite = (path: string) => siteUrl(path, state);
  return { block: (markdown) => render(markdown, toSite), inline: inlineRenderer(render, toSite) };
}

const notLoaded = (markdown: string): never => {
  throw new Error(`Internal error: loadSiteMarkdown was not asked for this markdown, which is not cached, so no renderer was loaded: ${JSON.stringify(markdown.slice(0, 80))}`);
};
const NOT_LOADED: Renderers = { block: notLoaded, inline: notLoaded };
