import type { NewFile } from '../write-new.js';
import { newsFile } from './news.js';
import { pageFile } from './page.js';
import { publicationFile } from './publication.js';
import { talkFile } from './talk.js';

/** What every kind of new content file is made from. */
export interface NewContent {
  readonly title: string;
  /** Today, `YYYY-MM-DD`: the date of a talk or news item, the year of a paper. */
  readonly date: string;
  /** The site owner's name, as a paper's first author. */
  readonly owner: string;
}

/** Each kind `folio new <kind> "Title"` creates, and the file it writes (path relative to content/). */
export const CONTENT_KINDS = {
  page: pageFile,
  talk: talkFile,
  news: newsFile,
  publication: publicationFile,
} as const satisfies Record<string, (input: NewContent) => NewFile>;

export type ContentKind = keyof typeof CONTENT_KINDS;

export function isContentKind(name: string): name is ContentKind {
  return Object.hasOwn(CONTENT_KINDS, name);
}
