import path from 'node:path';
import type { RenderedSite } from '../build.js';

/** What one good build serves: every file of the site by its path, as `build` would write it. */
export interface ServedSite {
  /** `''` or `/repo`: the site is served below it, as on GitHub Pages. */
  readonly basePath: string;
  /** Identifies the build, so a page can tell it is older than the site being served. */
  readonly build: string;
  /** Rendered files, in memory. */
  readonly rendered: ReadonlyMap<string, string>;
  /** Attachments and public/ files, by output path: the absolute file to read on request. */
  readonly disk: ReadonlyMap<string, string>;
}

/**
 * The files of a rendered site by output path. They win in the order writeSite copies them:
 * rendered pages, then attachments, then public/ last, so an upload replaces a page here too.
 */
export function servedSiteOf(site: RenderedSite, publicDir: string, build: string): ServedSite {
  const disk = new Map<string, string>();
  for (const a of site.model.attachments) disk.set(a.to, a.from);
  const root = path.resolve(publicDir);
  for (const file of site.publicFiles) disk.set(file, path.join(root, file));
  return {
    basePath: site.model.site.basePath,
    build,
    rendered: new Map(site.files.filter((f) => !disk.has(f.path)).map((f) => [f.path, f.contents])),
    disk,
  };
}
