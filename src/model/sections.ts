import type { MemberSource } from '../content/people.js';
import type { ProjectSource } from '../content/projects.js';
import type { CourseSource } from '../content/teaching.js';
import type { DiagnosticBag } from '../errors.js';
import { nameMatcher, parseName } from './names.js';
import type { Publication } from './publication.js';
import type { Group } from './publication-list.js';
import { group } from './publication-list.js';
import { compareDesc, type Talk } from './talks.js';

export interface Member extends MemberSource {
  readonly url: string;
  /** Papers with this member among the authors (matched by their name variants). */
  readonly publications: readonly Publication[];
  /** Talks this member gave (a talk's `speakers`, or the owner's talks for the owner). */
  readonly talks: readonly Talk[];
}

export interface Project extends ProjectSource {
  readonly url: string;
  readonly related: readonly Publication[];
}

export type Course = CourseSource;

/** Roles in the order a lab page lists them; any other role follows, in order of first appearance. */
const ROLE_ORDER = ['pi', 'principal investigator', 'faculty', 'professor', 'postdoc', 'postdoctoral researcher', 'research scientist', 'phd student', 'ph.d. student', 'doctoral student', 'masters student', "master's student", 'msc student', 'undergraduate', 'undergraduate student', 'staff', 'visitor', 'visiting student', 'members', 'alumni'];

/** Members grouped by role (PI first, alumni last), each with their papers and talks. */
export function arrangePeople(members: readonly MemberSource[], publications: readonly Publication[], talks: readonly Talk[]): { people: Member[]; groups: Group<Member>[] } {
  const people = members.map((m): Member => {
    const isMember = nameMatcher(m.person.nameVariants);
    return {
      ...m,
      url: `/people/${m.slug}/`,
      publications: publications.filter((p) => p.authors.some((a) => !a.others && isMember(a))),
      talks: talks.filter((t) => t.speakers.some((s) => isMember(parseName(s)))),
    };
  });
  const rank = (role: string) => {
    const i = ROLE_ORDER.indexOf(role.toLowerCase());
    return i === -1 ? ROLE_ORDER.indexOf('members') - 0.5 : i;
  };
  const sorted = [...people].sort((a, b) => rank(a.role) - rank(b.role) || (a.person.name < b.person.name ? -1 : a.person.name > b.person.name ? 1 : 0));
  return { people: sorted, groups: group(sorted, (m) => m.role) };
}

/** Courses newest first (by `date`, then file order), grouped by role in order of first appearance. */
export function arrangeTeaching(courses: readonly CourseSource[]): { courses: Course[]; groups: Group<Course>[] } {
  const sorted = [...courses].sort((a, b) => compareDesc(a.date ?? '', b.date ?? ''));
  return { courses: sorted, groups: group(sorted, (c) => c.role ?? 'Teaching') };
}

/** Projects newest first, each with its related publications; an unknown key is reported. */
export function arrangeProjects(sources: readonly ProjectSource[], publications: readonly Publication[], bag: DiagnosticBag): Project[] {
  const byKey = new Map(publications.map((p) => [p.key, p]));
  return [...sources]
    .sort((a, b) => compareDesc(a.date ?? '', b.date ?? ''))
    .map((project) => ({
      ...project,
      url: `/projects/${project.slug}/`,
      related: project.publications.flatMap(({ key, at }) => {
        const found = byKey.get(key);
        if (!found) bag.warn('UnknownPublicationKey', `The project "${project.title}" lists \`${key}\`, which is in no .bib file.`, at, 'Check the key against your .bib files (keys are case-sensitive).');
        return found ? [found] : [];
      }),
    }));
}
