import type { DiagnosticBag } from '../errors.js';
import { loadMarkdownFolder, slugOf } from './markdown-files.js';

/** A short dated news item. */
export interface NewsSource {
  readonly file: string;
  readonly slug: string;
  readonly date: string;
  readonly title?: string;
  /** Markdown. */
  readonly body: string;
}

export function loadNews(contentDir: string, bag: DiagnosticBag): Promise<NewsSource[]> {
  return loadMarkdownFolder(contentDir, 'news', bag, (fm, body, relativePath) => {
    const date = fm.date('date', true);
    if (!date) return undefined;
    const title = fm.string('title');
    return { file: fm.file, slug: slugOf(relativePath), date, ...(title ? { title } : {}), body };
  });
}
