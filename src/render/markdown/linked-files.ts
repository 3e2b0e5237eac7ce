import { posix } from 'node:path';
import { closest } from '../../content/suggest.js';
import type { DiagnosticBag } from '../../errors.js';
import { resolveTarget } from '../../model/permalinks.js';

/** A markdown body, and the line of its file where it starts. */
export interface MarkdownBody {
  readonly file: string;
  readonly body: string;
  readonly bodyLine: number;
}

/**
 * Warns (MissingLinkedFile) about every link or image of `bodies` to a file of the site
 * (`/files/thesis.pdf`, `/images/me.jpg`) that is not among `siteFiles`, the paths of every file
 * the build writes or copies (pages, public/ files, attachments). Links to pages (`/research/`)
 * are left to `folio check`, which reads the finished site.
 *
 * Parsing every body a second time would nearly double what markdown costs a build, so a scan of
 * the text first picks the bodies that mention a site path the site does not have; only those are
 * parsed, to find the links and their positions. Most sites have none, and never load the parser.
 */
export async function reportMissingLinkedFiles(bodies: readonly MarkdownBody[], siteFiles: ReadonlySet<string>, bag: DiagnosticBag): Promise<void> {
  const folders = foldersOf(siteFiles);
  const suspects = bodies.filter(({ body }) => mentionsMissingPath(body, siteFiles, folders));
  if (suspects.length === 0) return;
  const { linksOf } = await import('./links.js');
  for (const { file, body, bodyLine } of suspects) {
    for (const link of linksOf(body)) {
      const target = siteFileOf(link.url);
      if (target === undefined || siteFiles.has(target)) continue;
      const guess = closest(target, [...siteFiles].filter((f) => posix.extname(f) === posix.extname(target)));
      bag.warn(
        'MissingLinkedFile',
        `This links to /${target}, which is neither a file of public/ nor a page Folio writes.`,
        { file, line: bodyLine + link.line - 1, column: link.column },
        guess ? `Did you mean /${guess}? Names are case-sensitive on GitHub Pages.` : `Put the file in public/ (public/${target} is served as /${target}), or fix the path.`,
      );
    }
  }
}

/** The file below the site root that `url` names (`/files/a%20b.pdf` → `files/a b.pdf`); undefined for a page, another site or a path that climbs out. */
function siteFileOf(url: string): string | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const path = decodePath(url.split(/[?#]/)[0]!);
  if (path === undefined || !/\.[a-z0-9]+$/i.test(posix.basename(path))) return undefined;
  return resolveTarget(path)?.outputPath;
}

function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

/** Text that may be a path from the site root: `/` after a space, bracket, quote or `=`, up to a delimiter. */
const SITE_PATH = /(?<![\w:/.~%-])\/(?!\/)[^\s"'<>()[\]{}|\\^`]*/g;
/** `</sup>` and the like, which hold no path. */
const CLOSING_TAG = /<\/[a-z][\w:-]*\s*>/gi;

/**
 * Whether `markdown` holds text like a site path that is no file or folder of the site. A link's
 * URL always appears in the text, maybe cut short by a delimiter (`</files/a b.pdf>`), and cut
 * short it is still not in the site; anything else such a scan finds (a path in prose or code)
 * only costs a parse.
 */
function mentionsMissingPath(markdown: string, siteFiles: ReadonlySet<string>, folders: ReadonlySet<string>): boolean {
  const scanned = markdown.replace(CLOSING_TAG, '');
  for (const match of scanned.matchAll(SITE_PATH)) {
    const text = match[0];
    // Only files are checked (a path with an extension); a path without one is a page, unless a
    // space cut it short inside `<…>` or quotes (`</files/my thesis.pdf>`).
    const cut = '<"\''.includes(scanned[match.index - 1] ?? '') && /\s/.test(scanned[match.index + text.length] ?? '');
    if (!cut && !/\.[a-z0-9]+$/i.test(posix.basename(text.split(/[?#]/)[0]!))) continue;
    const path = decodePath(text.split(/[?#]/)[0]!);
    const target = path === undefined ? undefined : resolveTarget(path);
    if (!target || !(siteFiles.has(target.outputPath) || folders.has(path!.replace(/^\/+|\/+$/g, '')))) return true;
  }
  return false;
}

/** Every folder holding a file of `files` (`a/b/c.pdf` → `a`, `a/b`), and the root (``). */
function foldersOf(files: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>(['']);
  for (const file of files) {
    for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) folders.add(file.slice(0, i));
  }
  return folders;
}
