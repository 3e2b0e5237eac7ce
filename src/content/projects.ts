import type { DiagnosticBag } from '../errors.js';
import { isSafeUrl } from '../urls.js';
import type { SourceLocation } from '../errors.js';
import { loadMarkdownFolder, slugOf } from './markdown-files.js';

/** A research project: `projects/*.md`. */
export interface ProjectSource {
  readonly file: string;
  readonly slug: string;
  readonly title: string;
  readonly summary?: string;
  /** A path inside the site or a URL. */
  readonly image?: string;
  readonly imageAlt?: string;
  readonly links: readonly { readonly label: string; readonly url: string }[];
  /** BibTeX keys of the related publications, with where each was written. */
  readonly publications: readonly { readonly key: string; readonly at: SourceLocation }[];
  readonly date?: string;
  /** Markdown. */
  readonly body: string;
}

const PROJECT_FIELDS = ['title', 'summary', 'image', 'image_alt', 'links', 'publications', 'date', 'order'];

export function loadProjects(contentDir: string, bag: DiagnosticBag): Promise<ProjectSource[]> {
  return loadMarkdownFolder(contentDir, 'projects', bag, (fm, body, relativePath) => {
    fm.warnUnknown(PROJECT_FIELDS);
    const title = fm.string('title', true);
    if (!title) return undefined;
    const links = fm.maps('links').flatMap((link) => {
      link.warnUnknown(['label', 'url']);
      const label = link.string('label', true);
      const url = link.string('url', true)?.trim();
      if (!label || !url) return [];
      if (!isSafeUrl(url)) {
        bag.error('UnsafeUrl', 'A project link is not an http(s) URL or a site path.', link.at('url'));
        return [];
      }
      return [{ label, url }];
    });
    let image = fm.string('image');
    if (image && !isSafeUrl(image)) {
      bag.error('UnsafeUrl', '`image` is not an http(s) URL or a site path.', fm.at('image'));
      image = undefined;
    }
    const optional = { summary: fm.string('summary'), image, imageAlt: fm.string('image_alt'), date: fm.date('date') };
    return {
      file: fm.file,
      slug: slugOf(relativePath),
      title,
      ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<ProjectSource>),
      links,
      publications: fm.strings('publications').map((key) => ({ key, at: fm.at('publications') })),
      body,
    };
  });
}
