import { posix } from 'node:path';

/** A URL path inside the site and the file that serves it. */
export interface OutputTarget {
  /** The site path, e.g. `/publications/` or `/about.html`. */
  readonly url: string;
  /** The file below the output folder, e.g. `publications/index.html`. */
  readonly outputPath: string;
}

/**
 * Where a site path is written: `/x/` → `x/index.html`, `/x.html` → `x.html`, and an extensionless
 * `/x` → `x/index.html` (served as `/x/`: GitHub Pages redirects `/x` there). Undefined when the
 * path climbs out of the site with `..`.
 */
export function resolveTarget(sitePath: string): OutputTarget | undefined {
  const raw = sitePath.trim().split(/[?#]/)[0]!;
  let depth = 0;
  for (const segment of raw.split('/')) {
    if (segment === '..') depth--;
    else if (segment !== '' && segment !== '.') depth++;
    if (depth < 0) return undefined;
  }
  const normalised = posix.normalize(`/${raw}`);
  const clean = normalised.replace(/\/{2,}/g, '/');
  if (clean === '/' || clean.endsWith('/')) {
    return { url: clean, outputPath: `${clean.slice(1)}index.html` };
  }
  if (/\.[a-z0-9]+$/i.test(posix.basename(clean))) return { url: clean, outputPath: clean.slice(1) };
  return { url: `${clean}/`, outputPath: `${clean.slice(1)}/index.html` };
}

/** The default URL of `pages/<relativePath>`: `about.md` → `/about/`, `team/index.md` → `/team/`. */
export function defaultPagePath(relativePath: string): string {
  const withoutExt = relativePath.replace(/\.(md|markdown)$/, '');
  const dir = withoutExt === 'index' || withoutExt.endsWith('/index') ? withoutExt.replace(/(^|\/)index$/, '') : withoutExt;
  return dir ? `/${dir}/` : '/';
}
