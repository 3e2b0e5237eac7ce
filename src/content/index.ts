import path from 'node:path';
import type { SiteConfig } from '../config/site.js';
import type { DiagnosticBag } from '../errors.js';
import type { BibEntry } from './bibtex/parse.js';
import { loadCv, type CvSection } from './cv.js';
import { loadCitationCounts, loadCoauthors, type Coauthor } from './data-files.js';
import { listAllFiles } from './files.js';
import { loadNews, type NewsSource } from './news.js';
import { loadPeople, type MemberSource } from './people.js';
import { loadProjects, type ProjectSource } from './projects.js';
import { loadTeaching, type CourseSource } from './teaching.js';
import { loadPages, type PageSource } from './pages.js';
import { loadPublications } from './publications.js';
import { loadSiteConfig } from './site.js';
import type { BuildCache } from '../output/cache.js';
import { loadTalks, type TalkSource } from './talks.js';

/** Everything read from `content/`, checked but not yet arranged into pages. */
export interface Content {
  readonly site: SiteConfig;
  readonly pages: readonly PageSource[];
  readonly publications: readonly BibEntry[];
  readonly talks: readonly TalkSource[];
  readonly news: readonly NewsSource[];
  readonly cv?: readonly CvSection[];
  readonly people: readonly MemberSource[];
  readonly teaching: readonly CourseSource[];
  readonly projects: readonly ProjectSource[];
  /** coauthors.yml: homepages linked from author lists. */
  readonly coauthors: readonly Coauthor[];
  /** citations.yml: BibTeX key → citation count. */
  readonly citationCounts: ReadonlyMap<string, number>;
  /** Files beside the .bib files (PDFs, slides), relative to publications/ → absolute path. */
  readonly besideBib: ReadonlyMap<string, string>;
}

/** Which files each loader reads, so anything else can be reported as skipped. */
const READ = [
  /^site\.yml$/,
  /^(cv|coauthors|citations)\.yml$/,
  // Files beside the .bib files are published when an entry links them (the model warns otherwise).
  /^publications\//,
  /^pages\/.+\.(md|markdown)$/,
  /^(talks|news|people|teaching|projects)\/.+\.(md|markdown)$/,
];

/** Reads the whole content folder; every problem goes into `bag`, and undefined means site.yml is unusable. */
export interface LoadOptions {
  /** Parsed .bib files kept between builds. */
  readonly bibtex?: BuildCache;
}

export async function loadContent(contentDir: string, bag: DiagnosticBag, baseUrl?: string, caches: LoadOptions = {}): Promise<Content | undefined> {
  const [site, pages, publications, talks, news, cv, coauthors, citationCounts, people, teaching, projects, all] = await Promise.all([
    loadSiteConfig(contentDir, bag, baseUrl),
    loadPages(contentDir, bag),
    loadPublications(contentDir, bag, caches.bibtex),
    loadTalks(contentDir, bag),
    loadNews(contentDir, bag),
    loadCv(contentDir, bag),
    loadCoauthors(contentDir, bag),
    loadCitationCounts(contentDir, bag),
    loadPeople(contentDir, bag),
    loadTeaching(contentDir, bag),
    loadProjects(contentDir, bag),
    listAllFiles(contentDir),
  ]);
  for (const file of all) {
    if (READ.some((pattern) => pattern.test(file)) || file.split('/').some((part) => part.startsWith('.'))) continue;
    bag.warn('SkippedFile', 'Folio does not read this file, so it is not published.', { file: path.join(contentDir, file) }, 'Files to publish as they are (images, PDFs) belong in public/.');
  }
  if (!site) return undefined;
  const besideBib = new Map(
    all.filter((f) => f.startsWith('publications/') && !/\.(bib|bibtex)$/i.test(f) && !f.split('/').some((p) => p.startsWith('.'))).map((f) => [f.slice('publications/'.length), path.join(contentDir, f)] as const),
  );
  return { site, pages, publications, talks, news, ...(cv ? { cv } : {}), people, teaching, projects, coauthors, citationCounts, besideBib };
}
