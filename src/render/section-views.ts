import type { Course, Member, Project } from '../model/site.js';
import type { PublicationView } from './publication-view.js';
import type { RenderMarkdown } from './views.js';

/** Group members, courses and projects as the templates see them (snake_case, docs/templates.md). */

export type ViewsOf = (keys: readonly { key: string }[]) => PublicationView[];

export function memberView(m: Member, render: RenderMarkdown, publications: ViewsOf) {
  const { person } = m;
  const at = person.email ? person.email.lastIndexOf('@') : -1;
  return {
    slug: m.slug,
    url: m.url,
    role: m.role,
    start: m.start,
    end: m.end,
    name: person.name,
    pronouns: person.pronouns,
    position: person.position,
    affiliation: person.affiliation,
    affiliation_url: person.affiliationUrl,
    location: person.location,
    avatar: person.avatar,
    bio: person.bio,
    email_user: at === -1 ? person.email : person.email!.slice(0, at),
    email_domain: at === -1 ? undefined : person.email!.slice(at + 1),
    links: person.links,
    content: render(m.body),
    publications: publications(m.publications),
    talks: m.talks.map((t) => ({ title: t.title, url: t.url, latest: t.latest })),
  };
}

export function courseView(c: Course, render: RenderMarkdown) {
  return { slug: c.slug, title: c.title, role: c.role, institution: c.institution, term: c.term, date: c.date, url: c.url, content: render(c.body) };
}

export function projectView(p: Project, render: RenderMarkdown, publications: ViewsOf) {
  return {
    slug: p.slug,
    url: p.url,
    title: p.title,
    summary: p.summary,
    image: p.image,
    image_alt: p.imageAlt ?? '',
    links: p.links,
    date: p.date,
    content: render(p.body),
    publications: publications(p.related),
  };
}
