import path from 'node:path';
import type { SiteConfig } from '../config/site.js';
import type { DiagnosticBag } from '../errors.js';
import type { BibEntry } from './bibtex/parse.js';
import { loadCv, type CvSection } from './cv.js';
import { listAllFiles } from './files.js';
import { loadNews, type NewsSource } from './news.js';
import { loadPages, type PageSource } from './pages.js';
import { loadPublications } from './publications.js';
import { loadSiteConfig } from './site.js';
import { loadTalks, type TalkSource } from './talks.js';

/** Everything read from `content/`, checked but not yet arranged into pages. */
export interface Content {
  readonly site: SiteConfig;
  readonly pages: readonly PageSource[];
  readonly publications: readonly BibEntry[];
  readonly talks: readonly TalkSource[];
  readonly news: readonly NewsSource[];
  readonly cv?: readonly CvSection[];
}

/** Which files each loader reads, so anything else can be reported as skipped. */
const READ = [
  /^site\.yml$/,
  /^cv\.yml$/,
  /^pages\/.+\.(md|markdown)$/,
  /^publications\/[^/]+\.(bib|bibtex)$/,
  /^(talks|news)\/.+\.(md|markdown)$/,
];

/** Reads the whole content folder; every problem goes into `bag`, and undefined means site.yml is unusable. */
export async function loadContent(contentDir: string, bag: DiagnosticBag, baseUrl?: string): Promise<Content | undefined> {
  const [site, pages, publications, talks, news, cv, all] = await Promise.all([
    loadSiteConfig(contentDir, bag, baseUrl),
    loadPages(contentDir, bag),
    loadPublications(contentDir, bag),
    loadTalks(contentDir, bag),
    loadNews(contentDir, bag),
    loadCv(contentDir, bag),
    listAllFiles(contentDir),
  ]);
  for (const file of all) {
    if (READ.some((pattern) => pattern.test(file)) || file.split('/').some((part) => part.startsWith('.'))) continue;
    bag.warn('SkippedFile', 'Folio does not read this file, so it is not published.', { file: path.join(contentDir, file) }, 'Files to publish as they are (images, PDFs) belong in public/.');
  }
  if (!site) return undefined;
  return { site, pages, publications, talks, news, ...(cv ? { cv } : {}) };
}
