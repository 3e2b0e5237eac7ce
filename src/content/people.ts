import type { Person } from '../config/site.js';
import type { DiagnosticBag } from '../errors.js';
import { loadMarkdownFolder, slugOf } from './markdown-files.js';
import { readPerson } from './site.js';

/** A member of a group site: `people/*.md`, the profile in front matter and the bio in the body. */
export interface MemberSource {
  readonly file: string;
  readonly slug: string;
  readonly person: Person;
  /** PI, Postdoc, PhD student, Alumni…: the heading they are listed under on /people/. */
  readonly role: string;
  readonly start?: string;
  readonly end?: string;
  /** Markdown. */
  readonly body: string;
}

const MEMBER_FIELDS = ['role', 'start', 'end', 'layout', 'title'];

export function loadPeople(contentDir: string, bag: DiagnosticBag): Promise<MemberSource[]> {
  return loadMarkdownFolder(contentDir, 'people', bag, (fm, body, relativePath) => {
    // The member's profile fields sit at the top of the front matter, as in site.yml's `author`.
    const person = readPerson(fm, fm, bag, MEMBER_FIELDS);
    if (!fm.has('name')) return undefined;
    const optional = { start: fm.date('start'), end: fm.string('end') };
    return {
      file: fm.file,
      slug: slugOf(relativePath),
      person,
      role: fm.string('role') ?? 'Members',
      ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<MemberSource>),
      body,
    };
  });
}
