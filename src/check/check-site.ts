import type { Diagnostic } from '../errors.js';
import { anchorTargets } from './anchors.js';
import { indexFiles } from './files.js';
import { checkHead } from './head.js';
import { checkHtml } from './html.js';
import { checkDuplicateIds } from './ids.js';
import { checkImageAlt } from './images.js';
import { checkLinks } from './links.js';
import { parsePage } from './parse.js';
import { sortDiagnostics } from './problem.js';
import { referencesOf } from './references.js';
import type { SiteAddress } from './resolve.js';

/** A built site as the checks see it: every file's path, and the text of each HTML page. */
export interface SiteFiles {
  /** Every file below the output folder, with `/` separators. */
  readonly paths: readonly string[];
  readonly pages: readonly { readonly path: string; readonly html: string }[];
}

/**
 * Checks a built site as it will be served at `address`: links, anchors and assets (case-exact, inside
 * the base path), URLs, HTML validity, ids, alt text, titles and descriptions. Pure but for loading
 * html-validate; returns every problem, sorted by file, line and column.
 */
export async function checkSite(site: SiteFiles, address: SiteAddress): Promise<Diagnostic[]> {
  const pages = site.pages.map((p) => parsePage(p.path, p.html));
  const context = {
    address,
    files: indexFiles(site.paths),
    anchors: new Map(pages.map((page) => [page.path, anchorTargets(page)])),
  };
  const found = pages.flatMap((page) => [
    ...checkLinks(page, referencesOf(page), context),
    ...checkDuplicateIds(page),
    ...checkImageAlt(page),
    ...checkHead(page),
  ]);
  return sortDiagnostics([...found, ...(await checkHtml(pages))]);
}
