import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig } from '../content/site.js';
import { DiagnosticBag, UsageError } from '../errors.js';
import { NotASite } from './errors.js';
import { CONTENT_KINDS, type ContentKind } from './kinds/index.js';
import { writeNewFile } from './write-new.js';

export interface NewContentOptions {
  /** The site's content folder. */
  readonly contentDir: string;
  /** `YYYY-MM-DD`: the file's date. */
  readonly today: string;
}

/**
 * Creates one page, talk, news item or publication in the site's content folder, named after
 * `title`, every field present and the optional ones commented out; never overwrites a file.
 * Returns the new file's path.
 */
export async function createContentFile(kind: ContentKind, title: string, { contentDir, today }: NewContentOptions): Promise<string> {
  if (title.trim() === '') throw new UsageError(`\`folio new ${kind}\` needs a title, e.g. folio new ${kind} "My title".`);
  if (!existsSync(path.join(contentDir, 'site.yml'))) throw new NotASite(contentDir);
  // Problems in site.yml are for the build to report; here it only names the paper's first author.
  const site = await loadSiteConfig(contentDir, new DiagnosticBag());
  const file = CONTENT_KINDS[kind]({ title: title.trim(), date: today, owner: site?.author.name ?? 'Your Name' });
  const target = path.join(contentDir, file.path);
  await writeNewFile(target, file.contents);
  return target;
}
