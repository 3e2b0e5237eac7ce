import { posix } from 'node:path';
import type { HelperOptions, SafeString } from 'handlebars';
import { handlebarsRuntime } from '../handlebars.js';
import { isSitePath } from '../../urls.js';
import { stateOf, type RenderState } from './context.js';

/**
 * `{{url "/path/"}}`: a site path as written on the current page, relative to it, so the site works
 * under any base path and from file://; on 404.html, absolute from the root with the base path.
 * Absolute URLs, `#anchors` and relative paths pass through unchanged.
 */
export function url(target: unknown, options: HelperOptions): string | SafeString {
  const path = String(target ?? '');
  const state = stateOf(options);
  if (state.links && path.startsWith('/') && isSitePath(path)) return linkSlot(state.links.push(path) - 1);
  return siteUrl(path, state);
}

/** Where a `{{#reuse}}` block links: the index of a site path, for each page to fill in (see reuse.ts). */
export const LINK_SLOT = /\uE010(\d+)\uE011/;

function linkSlot(index: number): SafeString {
  return new handlebarsRuntime.SafeString(`\uE010${index}\uE011`);
}

export function siteUrl(target: string, state: RenderState): string {
  if (!target.startsWith('/') || !isSitePath(target)) return target;
  if (state.absoluteLinks) return `${state.basePath}${target}`;
  const [pathPart, rest = ''] = splitSuffix(target);
  let relative = relativePath(state.outputPath, pathPart);
  if (pathPart.endsWith('/') && relative !== '') relative += '/';
  // A first segment with a colon would be read as a scheme: `javascript:x/` runs, `./javascript:x/` is a folder.
  return (relative === '' || /^[^/]*:/.test(relative) ? `./${relative}` : relative) + rest;
}

/**
 * posix.relative from the folder of `outputPath` to the site path `to`. Each page asks this a few
 * dozen times, and path.relative (which resolves both paths first) is a tenth of a big site's
 * render: plain paths are compared segment by segment, anything with `.` or `//` goes to posix.
 */
export function relativePath(outputPath: string, to: string): string {
  const fromDir = posix.dirname(`/${outputPath}`);
  if (!PLAIN_PATH.test(fromDir) || !PLAIN_PATH.test(to)) return posix.relative(fromDir, to);
  const from = fromDir === '/' ? [] : fromDir.slice(1).split('/');
  const trimmed = to.endsWith('/') ? to.slice(1, -1) : to.slice(1);
  const target = trimmed === '' ? [] : trimmed.split('/');
  let common = 0;
  while (common < from.length && common < target.length && from[common] === target[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...target.slice(common)].join('/');
}

/** An absolute path with no empty, `.` or `..` segment (a single trailing `/` allowed). */
const PLAIN_PATH = /^\/(?:[^/.][^/]*(?:\/[^/.][^/]*)*\/?)?$/;

function splitSuffix(target: string): [string, string] {
  const at = target.search(/[?#]/);
  return at === -1 ? [target, ''] : [target.slice(0, at), target.slice(at)];
}
