import { malformedReason } from './external.js';

/** Where the site is published: `origin` like `https://user.github.io`, `basePath` `''` or like `/repo`. */
export interface SiteAddress {
  readonly origin: string;
  readonly basePath: string;
}

/** Where a URL written in a page leads, as a browser on the published site would follow it. */
export type Target =
  /** A file of this site: `path` below the output folder (decoded; `''` or ending in `/` is a folder). */
  | { readonly type: 'site'; readonly path: string; readonly fragment: string }
  /** A path on the site's host but outside its base path, e.g. `/x/` on a site at `/repo/`. */
  | { readonly type: 'outside'; readonly pathname: string }
  /** Another site, or another scheme (`mailto:`, `tel:`, `data:`): not fetched. */
  | { readonly type: 'external' }
  | { readonly type: 'malformed'; readonly reason: string };

/** 404.html is served at any missing address, so its links are followed from a deep made-up one. */
export const NOT_FOUND_PAGE = '404.html';
const NOT_FOUND_AT = '__folio-check__/missing/page/at/any/depth/';

/** The URL a browser shows for page `path`, e.g. `https://user.github.io/repo/talks/` for `talks/index.html`. */
export function pageUrl(path: string, address: SiteAddress): string {
  const shown = path === NOT_FOUND_PAGE ? NOT_FOUND_AT : path.replace(/(^|\/)index\.html$/, '$1');
  return `${address.origin}${address.basePath}/${shown}`;
}

/** Resolves `raw`, written on page `from`, against the published address of the site. */
export function resolveUrl(raw: string, from: string, address: SiteAddress): Target {
  // Browsers strip surrounding whitespace before they resolve a URL.
  const url = raw.trim();
  const malformed = malformedReason(url);
  if (malformed) return { type: 'malformed', reason: malformed };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return { type: 'external' };
  // A bare fragment stays on the page, wherever the page is served from (404.html included).
  if (url.startsWith('#')) return { type: 'site', path: from, fragment: url.slice(1) };
  let target: URL;
  try {
    target = new URL(url, pageUrl(from, address));
  } catch {
    return { type: 'malformed', reason: 'a browser cannot parse it as a URL' };
  }
  if (target.origin !== address.origin) return { type: 'external' };
  const { basePath } = address;
  if (target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`)) {
    // A full URL may name another project site on the same host (user.github.io/other/): not ours.
    return scheme || url.startsWith('//') ? { type: 'external' } : { type: 'outside', pathname: target.pathname };
  }
  let path: string;
  try {
    path = decodeURIComponent(target.pathname.slice(basePath.length + 1));
  } catch {
    return { type: 'malformed', reason: 'it has a `%` that does not start a valid escape like `%20`' };
  }
  return { type: 'site', path, fragment: target.hash.slice(1) };
}
