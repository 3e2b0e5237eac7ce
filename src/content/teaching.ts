import type { DiagnosticBag } from '../errors.js';
import { isSafeUrl } from '../urls.js';
import { loadMarkdownFolder, slugOf } from './markdown-files.js';

/** One course: `teaching/*.md`. */
export interface CourseSource {
  readonly file: string;
  readonly slug: string;
  /** The course name. */
  readonly title: string;
  /** Lecturer, Teaching assistant…: the heading it is listed under. */
  readonly role?: string;
  readonly institution?: string;
  /** As shown: `Autumn 2025`, `2016–2018`. */
  readonly term?: string;
  /** For sorting, newest first: `YYYY[-MM[-DD]]`. */
  readonly date?: string;
  readonly url?: string;
  /** Markdown. */
  readonly body: string;
}

const COURSE_FIELDS = ['title', 'course', 'role', 'institution', 'term', 'date', 'url', 'link'];

export function loadTeaching(contentDir: string, bag: DiagnosticBag): Promise<CourseSource[]> {
  return loadMarkdownFolder(contentDir, 'teaching', bag, (fm, body, relativePath) => {
    fm.warnUnknown(COURSE_FIELDS);
    const title = fm.string('course') ?? fm.string('title', true);
    if (!title) return undefined;
    const urlField = fm.has('url') ? 'url' : 'link';
    let url = fm.string(urlField)?.trim();
    if (url && !isSafeUrl(url)) {
      bag.error('UnsafeUrl', `\`${urlField}\` is not an http(s) URL or a site path.`, fm.at(urlField));
      url = undefined;
    }
    const optional = { role: fm.string('role'), institution: fm.string('institution'), term: fm.string('term'), date: fm.date('date'), url };
    return {
      file: fm.file,
      slug: slugOf(relativePath),
      title,
      ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<CourseSource>),
      body,
    };
  });
}
