import { posix } from 'node:path';
import Handlebars, { type HelperOptions } from 'handlebars';
import { isSitePath } from '../../urls.js';
import { stateOf, type RenderState } from './context.js';

/**
 * `{{url "/path/"}}`: a site path as written on the current page, relative to it, so the site works
 * under any base path and from file://; on 404.html, absolute from the root with the base path.
 * Absolute URLs, `#anchors` and relative paths pass through unchanged.
 */
export function url(target: unknown, options: HelperOptions): string | Handlebars.SafeString {
  const path = String(target ?? '');
  const state = stateOf(options);
  if (state.links && path.startsWith('/') && isSitePath(path)) return linkSlot(state.links.push(path) - 1);
  return siteUrl(path, state);
}

/** Where a `{{#reuse}}` block links: the index of a site path, for each page to fill in (see reuse.ts). */
export const LINK_SLOT = /\uE010(\d+)\uE011/;

function linkSlot(index: number): Handlebars.SafeString {
  return new Handlebars.SafeString(`\uE010${index}\uE011`);
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
