import type { HelperOptions } from 'handlebars';
import { isSitePath } from '../../urls.js';
import { stateOf } from './context.js';

/** `{{abs_url "/path/"}}`: the absolute URL of a site path (site URL + base path), for canonical links and feeds. */
export function absUrl(target: unknown, options: HelperOptions): string {
  const path = String(target ?? '/');
  if (!isSitePath(path)) return path;
  const { origin, basePath } = stateOf(options);
  return `${origin}${basePath}${path.startsWith('/') ? path : `/${path}`}`;
}
