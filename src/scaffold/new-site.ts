import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { FolderNotEmpty } from './errors.js';
import { siteFiles } from './site-files.js';
import { starterContent } from './starter-content.js';
import { copyTheme, FOLIO_ROOT } from './theme.js';
import { writeNewFile } from './write-new.js';

export interface NewSiteOptions {
  /** `YYYY-MM-DD`: the date of the starter talk and news item. */
  readonly today: string;
}

/**
 * Creates a site in `dir` that builds and passes `folio check` at once: starter content, a copy of
 * the default theme, package.json, .gitignore, README and the GitHub Pages workflow. Refuses a
 * folder that has anything in it but `.git` (a freshly cloned empty repository is a fine place).
 * Returns the files and folders created, relative to `dir`.
 */
export async function createSite(dir: string, { today }: NewSiteOptions): Promise<string[]> {
  await assertEmptyFolder(dir);
  const files = [...siteFiles({ name: path.basename(path.resolve(dir)), folio: folioDependency(dir) }), ...starterContent(today)];
  for (const file of files) await writeNewFile(path.join(dir, file.path), file.contents);
  await copyTheme(dir);
  return [...files.map((f) => f.path), 'templates/', 'public/assets/'];
}

async function assertEmptyFolder(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new UsageError(`${dir} is a file, not a folder. Pick a new folder name for the site.`);
    throw error;
  }
  if (entries.some((name) => name !== '.git')) throw new FolderNotEmpty(dir);
}

/**
 * `file:` and the path from the site to this Folio, relative so that it survives moving both
 * together. Not a version range: the npm name `folio` belongs to an unrelated package.
 */
function folioDependency(dir: string): string {
  return `file:${path.relative(path.resolve(dir), FOLIO_ROOT).split(path.sep).join('/')}`;
}
