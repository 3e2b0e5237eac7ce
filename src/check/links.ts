import type { Diagnostic } from '../errors.js';
import { reachesAnchor } from './anchors.js';
import type { FileIndex } from './files.js';
import type { ParsedPage } from './parse.js';
import { problem } from './problem.js';
import type { Reference } from './references.js';
import { NOT_FOUND_PAGE, resolveUrl, type SiteAddress } from './resolve.js';

/** What the link check knows of the whole site. */
export interface LinkContext {
  readonly address: SiteAddress;
  readonly files: FileIndex;
  /** The anchor targets of each HTML page, by output path. */
  readonly anchors: ReadonlyMap<string, ReadonlySet<string>>;
}

const SITE_PATH_HINT = 'Write site paths from the site root (`/files/x.pdf`), with exactly the case of the file name; Folio adds the base path.';

/**
 * Follows every link and asset of a page inside the site, as GitHub Pages would serve it: the file
 * must exist with the same letter case, inside the base path, and a `#fragment` must name an id.
 */
export function checkLinks(page: ParsedPage, references: readonly Reference[], site: LinkContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  const base = `${site.address.basePath}/`;
  for (const ref of references) {
    const what = `\`${ref.url.trim()}\` (${ref.source})`;
    const missing = ref.kind === 'link' ? 'BrokenLink' : 'MissingAsset';
    const target = resolveUrl(ref.url, page.path, site.address);
    if (target.type === 'malformed') {
      found.push(problem('MalformedUrl', page.path, ref, `The URL ${what} is malformed: ${target.reason}.`, 'Write the full address, e.g. `https://example.org/page`.'));
    } else if (target.type === 'outside') {
      found.push(problem('LinkOutsideBasePath', page.path, ref, `${what} leads to ${target.pathname}, outside the base path ${base} the site is published at.`, 'In templates, write site paths as `{{url "/path/"}}`; in content, from the site root (`/path/`), and Folio adds the base path.'));
    } else if (target.type === 'site') {
      if (page.path === NOT_FOUND_PAGE && !/^[#/]|^[a-z][a-z0-9+.-]*:/i.test(ref.url.trim())) {
        found.push(problem(missing, page.path, ref, `${what} is relative, but 404.html is shown at every missing address, at any depth, so it breaks.`, `Write it from the root with the base path (\`${base}…\`), as the {{url}} helper does on this page.`));
        continue;
      }
      const lookup = site.files.lookup(target.path);
      if (lookup === undefined) {
        const noun = ref.kind === 'link' ? 'page or file' : 'file';
        found.push(problem(missing, page.path, ref, `${what} finds no ${noun} in the site: there is nothing at ${target.path || '/'}.`, SITE_PATH_HINT));
      } else if ('differentCase' in lookup) {
        found.push(problem('CaseMismatch', page.path, ref, `${what} matches ${lookup.differentCase} only if letter case is ignored; GitHub Pages is case-sensitive, so it is missing there.`, SITE_PATH_HINT));
      } else {
        const targets = site.anchors.get(lookup.found);
        if (targets && !reachesAnchor(target.fragment, targets)) {
          found.push(problem('BrokenAnchor', page.path, ref, `${what} goes to #${target.fragment}, but ${lookup.found} has no element with that id.`, 'Use an id the page has: headings get theirs from their text (`## Open problems` is `#open-problems`).'));
        }
      }
    }
  }
  return found;
}
