import { posix } from 'node:path';
import type { HelperOptions } from 'handlebars';
import { isSitePath } from '../../urls.js';
import { stateOf, type RenderState } from './context.js';

/**
 * `{{url "/path/"}}`: a site path as written on the current page, relative to it, so the site works
 * under any base path and from file://; on 404.html, absolute from the root with the base path.
 * Absolute URLs, `#anchors` and relative paths pass through unchanged.
 */
export function url(target: unknown, options: HelperOptions): string {
  return siteUrl(String(target ?? ''), stateOf(options));
}

export function siteUrl(target: string, state: RenderState): string {
  if (!target.startsWith('/') || !isSitePath(target)) return target;
  if (state.absoluteLinks) return `${state.basePath}${target}`;
  const from = posix.dirname(`/${state.outputPath}`);
  const [pathPart, rest = ''] = splitSuffix(target);
  let relative = posix.relative(from, pathPart);
  if (pathPart.endsWith('/') && relative !== '') relative += '/';
  return (relative === '' ? './' : relative) + rest;
}

function splitSuffix(target: string): [string, string] {
  const at = target.search(/[?#]/);
  return at === -1 ? [target, ''] : [target.slice(0, at), target.slice(at)];
}
