import { posix } from 'node:path';
import type { DiagnosticBag, SourceLocation } from '../errors.js';

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

/** The files renderSite writes besides pages and redirects (keep in step with render/site.ts). */
export function builtFilePaths(site: { readonly hasNews: boolean; readonly publicationSlugs: readonly string[] }): string[] {
  const bib = site.publicationSlugs.length > 0 ? ['publications.bib', ...site.publicationSlugs.map((slug) => `publications/${slug}.bib`)] : [];
  return ['sitemap.xml', 'robots.txt', '.nojekyll', ...(site.hasNews ? ['feed.xml'] : []), ...bib];
}

/**
 * Reports the output paths that cannot all be written: a page or redirect at the path of a file
 * Folio writes itself, or one inside a folder named like another file of the site (`/a.html/b/`
 * beside `/a.html`, `/404.html/old/`), since a file and a folder cannot share a name. `placed` maps
 * every output path to where the user asked for it (a page's `permalink`, a `redirect_from` item),
 * or to undefined for what Folio writes or copies on its own; only the user's paths are reported.
 */
export function reportPathClashes(placed: ReadonlyMap<string, SourceLocation | undefined>, built: readonly string[], bag: DiagnosticBag): void {
  for (const file of built) {
    const at = placed.get(file);
    if (at) bag.error('PermalinkCollision', `Folio writes its own ${file}, and this would replace it.`, at, 'Choose another path for this page or redirect.');
  }
  const paths = new Set([...placed.keys(), ...built]);
  for (const inside of paths) {
    const segments = inside.split('/');
    for (let n = 1; n < segments.length; n++) {
      const file = segments.slice(0, n).join('/');
      if (!paths.has(file)) continue;
      const at = placed.get(inside) ?? placed.get(file);
      if (at) bag.error('PermalinkCollision', `${inside} and ${file} cannot both be written: ${file} would have to be a file and a folder at once.`, at, 'Choose a path that is not inside another page or file of the site.');
      break;
    }
  }
}
