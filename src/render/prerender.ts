import type { SiteModel } from '../model/site.js';
import type { BuildCache } from '../output/cache.js';
import { markdownSetup } from './site-markdown.js';

/** Below this many pages to render, starting worker threads costs more than it saves. */
export const PARALLEL_FROM = 200;

/**
 * Renders the markdown bodies of the site's pages that the cache does not know yet, across threads,
 * into the cache, so renderSite finds them there. A small or unchanged site renders nothing here.
 */
export async function prerenderPages(model: SiteModel, cache: BuildCache, options: { minimum?: number; threads?: number } = {}): Promise<number> {
  const { rootState, salt } = markdownSetup(model.site);
  const bodies = new Set<string>();
  for (const route of model.routes) if (route.page && !cache.knows(salt, route.page.body)) bodies.add(route.page.body);
  if (bodies.size < (options.minimum ?? PARALLEL_FROM)) return 0;
  const sources = [...bodies];
  // Loaded only when there is work for the threads: a warm build never loads remark and rehype.
  const { renderInParallel } = await import('./markdown/parallel.js');
  const html = await renderInParallel(sources, { allowScripts: model.site.allowScripts, state: rootState, ...(options.threads ? { threads: options.threads } : {}) });
  let rendered = 0;
  html.forEach((h, i) => {
    if (h === undefined) return;
    cache.put(salt, sources[i]!, h);
    rendered++;
  });
  return rendered;
}
