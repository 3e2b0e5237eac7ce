import type { NavItem, SiteConfig } from '../config/site.js';
import { htmlToText } from '../content/bibtex/latex.js';
import type { Content } from '../content/index.js';
import type { CvSection } from '../content/cv.js';
import type { NewsSource } from '../content/news.js';
import type { PageSource } from '../content/pages.js';
import type { DiagnosticBag, SourceLocation } from '../errors.js';
import { computeMetrics, type Metrics } from './metrics.js';
import { nameMatcher } from './names.js';
import { builtFilePaths, defaultPagePath, reportPathClashes, resolveTarget } from './permalinks.js';
import { arrangePublications, group, groupPublications, publicationFilters, type Group, type PublicationFilter } from './publication-list.js';
import { arrangePeople, arrangeProjects, arrangeTeaching, type Course, type Member, type Project } from './sections.js';
import { arrangeTalks, compareDesc, type Talk } from './talks.js';
import { coauthorFinder, toPublication, type Attachment, type Publication, type SiteFiles } from './publication.js';

export type { Group, PublicationFilter } from './publication-list.js';

/** One page of the output and the layout that renders it. */
export interface Route {
  readonly url: string;
  readonly outputPath: string;
  readonly layout: string;
  readonly title: string;
  readonly description?: string;
  /** The markdown page behind this route, if any. */
  readonly page?: PageSource;
  /** On a talk's own page: that talk. */
  readonly talk?: Talk;
  /** On a paper's own page: that paper. */
  readonly publication?: Publication;
  /** On a filtered publication list: the filter. */
  readonly filter?: PublicationFilter;
  /** On a group member's page: that member. */
  readonly member?: Member;
  /** On a project's page: that project. */
  readonly project?: Project;
  /** Listed in sitemap.xml (not 404 and redirects). */
  readonly indexed: boolean;
}

export interface Redirect {
  readonly outputPath: string;
  /** The site path redirected to. */
  readonly to: string;
  readonly file: string;
}

export type { Talk } from './talks.js';
export type { Course, Member, Project } from './sections.js';

/** The whole site, arranged: every route, and the data the layouts list. */
export interface SiteModel {
  readonly site: SiteConfig;
  readonly routes: readonly Route[];
  readonly redirects: readonly Redirect[];
  readonly navigation: readonly NavItem[];
  readonly publications: readonly Publication[];
  readonly publicationGroups: readonly Group<Publication>[];
  readonly publicationFilters: readonly PublicationFilter[];
  /** Citation metrics, when the settings or the data ask for them. */
  readonly metrics?: Metrics;
  /** Files from beside the .bib files, to copy into their papers' folders. */
  readonly attachments: readonly Attachment[];
  readonly talks: readonly Talk[];
  readonly talkGroups: readonly Group<Talk>[];
  readonly news: readonly NewsSource[];
  readonly cv?: readonly CvSection[];
  readonly people: readonly Member[];
  readonly peopleGroups: readonly Group<Member>[];
  readonly teaching: readonly Course[];
  readonly teachingGroups: readonly Group<Course>[];
  readonly projects: readonly Project[];
}

const LAYOUT_ALIASES: Readonly<Record<string, string>> = { single: 'page', archive: 'page', splash: 'page', default: 'page' };

/** Arranges loaded content into routes and lists; collisions and unsafe paths go into `bag`. */
export function buildSite(content: Content, bag: DiagnosticBag, publicFiles: ReadonlySet<string> = new Set()): SiteModel {
  const { site } = content;
  const routes = new Map<string, Route>();
  const owners = new Map<string, string>();
  const claim = (route: Route, file: string, line?: number) => {
    const previous = owners.get(route.outputPath);
    if (previous !== undefined) {
      bag.error('PermalinkCollision', `Two pages are written to ${route.outputPath}: this one and ${previous}.`, { file, ...(line ? { line } : {}), field: 'permalink' }, 'Give one of them a different `permalink`.');
      return;
    }
    owners.set(route.outputPath, file);
    routes.set(route.outputPath, route);
  };

  for (const page of content.pages) {
    const target = resolveTarget(page.permalink ?? defaultPagePath(page.relativePath));
    const line = page.lineOf('permalink');
    if (!target) {
      bag.error('PermalinkOutsideSite', `The permalink "${page.permalink}" points outside the site.`, { file: page.file, ...(line ? { line } : {}), field: 'permalink' }, 'Use a path inside the site, like /research/.');
      continue;
    }
    const layout = page.layout ? (LAYOUT_ALIASES[page.layout] ?? page.layout) : target.url === '/' ? 'home' : 'page';
    claim({ ...target, layout, title: page.title, ...(page.description ? { description: page.description } : {}), page, indexed: true }, page.file, line);
  }

  const files: SiteFiles = { public: publicFiles, besideBib: content.besideBib };
  const context = { isOwner: nameMatcher(site.author.nameVariants), coauthors: content.coauthors, citationCounts: content.citationCounts, files, bag };
  const coauthorUrl = coauthorFinder(content.coauthors);
  // A proceedings volume that only lends its fields to papers through `crossref` is not a paper of the owner.
  const entries = content.publications.filter((e) => !(e.crossrefParent && !e.fields.author));
  const publications = arrangePublications(entries.map((entry) => toPublication(entry, context, coauthorUrl)), site.publications);
  const slugs = new Map<string, Publication>();
  for (const p of publications) {
    const first = slugs.get(p.slug);
    if (first) bag.error('PermalinkCollision', `The keys \`${first.key}\` and \`${p.key}\` both give the page /publications/${p.slug}/.`, { file: p.file, line: p.line }, 'Rename one of the keys.');
    else slugs.set(p.slug, p);
  }
  const attachments = publications.flatMap((p) => p.attachments);
  const attached = new Set(attachments.map((a) => a.from));
  for (const [name, from] of content.besideBib) {
    if (!attached.has(from)) bag.warn('SkippedFile', `No entry links publications/${name}, so it is not published.`, { file: from }, 'Link it from an entry (`pdf = {' + name + '}`), or move it to public/.');
  }
  const filters = site.publications.filters ? publicationFilters(publications) : [];
  const anyCounts = publications.some((p) => p.citations !== undefined);
  const talks = arrangeTalks(content.talks, bag);
  const people = arrangePeople(content.people, publications, talks);
  const teaching = arrangeTeaching(content.teaching);
  const projects = arrangeProjects(content.projects, publications, bag);
  const news = [...content.news].sort((a, b) => compareDesc(a.date, b.date) || compareDesc(b.slug, a.slug));

  // Generated sections yield to a user page at the same URL (e.g. an imported academicpages page).
  const generate = (url: string, layout: string, title: string, extra: Partial<Route> = {}) => {
    const target = resolveTarget(url)!;
    if (!routes.has(target.outputPath)) routes.set(target.outputPath, { ...target, layout, title, indexed: true, ...extra });
  };
  if (!owners.has('index.html')) generate('/', 'home', site.title);
  if (publications.length > 0) generate('/publications/', 'publications', 'Publications');
  for (const publication of publications) {
    generate(publication.url, 'paper', publication.title, { publication, description: excerpt(publication) });
  }
  for (const filter of filters) generate(filter.url, 'publications', `Publications: ${filter.title}`, { filter });
  if (talks.length > 0) {
    generate('/talks/', 'talks', 'Talks');
    for (const talk of talks) generate(talk.url, 'talk', talk.title, { talk });
  }
  if (content.cv) generate('/cv/', 'cv', 'CV');
  if (people.people.length > 0) {
    generate('/people/', 'people', 'People');
    for (const member of people.people) generate(member.url, 'person', member.person.name, { member, ...(member.person.bio ? { description: member.person.bio } : {}) });
  }
  if (teaching.courses.length > 0) generate('/teaching/', 'teaching', 'Teaching');
  if (projects.length > 0) {
    generate('/projects/', 'projects', 'Projects');
    for (const project of projects) generate(project.url, 'project', project.title, { project, ...(project.summary ? { description: project.summary } : {}) });
  }
  if (news.length > 0) generate('/news/', 'news', 'News');
  routes.set('404.html', { url: '/404.html', outputPath: '404.html', layout: '404', title: 'Page not found', indexed: false });

  const placed = new Map<string, SourceLocation | undefined>();
  for (const route of routes.values()) placed.set(route.outputPath, route.page ? permalinkAt(route.page) : undefined);
  const redirects = content.pages.flatMap((page) => {
    const to = resolveTarget(page.permalink ?? defaultPagePath(page.relativePath));
    if (!to) return [];
    return page.redirectFrom.flatMap((from, i): Redirect[] => {
      const target = resolveTarget(from);
      const line = page.lineOf('redirect_from', i);
      // `redirect_from: /old/` is a list of one, as in Jekyll: no index to name then.
      const field = Array.isArray(page.params.redirect_from) ? `redirect_from[${i}]` : 'redirect_from';
      const at = { file: page.file, ...(line ? { line } : {}), field };
      if (!target) {
        bag.error('PermalinkOutsideSite', `The redirect_from path "${from}" points outside the site.`, at, 'Use a path inside the site, like /old-page/.');
        return [];
      }
      if (placed.has(target.outputPath)) {
        bag.error('PermalinkCollision', `The redirect from "${from}" would overwrite the page at ${target.outputPath}.`, at, 'Remove this redirect or move that page.');
        return [];
      }
      placed.set(target.outputPath, at);
      return [{ outputPath: target.outputPath, to: to.url, file: page.file }];
    });
  });
  for (const file of [...publicFiles, ...attachments.map((a) => a.to)]) if (!placed.has(file)) placed.set(file, undefined);
  reportPathClashes(placed, builtFilePaths({ hasNews: news.length > 0, publicationSlugs: publications.map((p) => p.slug) }), bag);

  const sortedRoutes = [...routes.values()].sort((a, b) => (a.outputPath < b.outputPath ? -1 : a.outputPath > b.outputPath ? 1 : 0));
  return {
    site,
    routes: sortedRoutes,
    redirects,
    navigation: site.navigation ?? defaultNavigation(sortedRoutes),
    publications,
    publicationGroups: groupPublications(publications, site.publications.groupBy),
    publicationFilters: filters,
    ...((site.publications.metrics ?? anyCounts) ? { metrics: computeMetrics(publications.map((p) => p.citations)) } : {}),
    attachments,
    talks,
    talkGroups: group(talks, (t) => t.latest?.slice(0, 4) ?? 'Undated'),
    news,
    ...(content.cv ? { cv: content.cv } : {}),
    people: people.people,
    peopleGroups: people.groups,
    teaching: teaching.courses,
    teachingGroups: teaching.groups,
    projects,
  };
}

/** Where a page's path was chosen: its `permalink` line, or just its file when the path comes from the file name. */
function permalinkAt(page: PageSource): SourceLocation {
  const line = page.lineOf('permalink');
  return { file: page.file, ...(line ? { line } : {}), ...(page.permalink !== undefined ? { field: 'permalink' } : {}) };
}

/** A paper page's meta description: the start of its abstract, or without one, who published it where. */
function excerpt(p: Publication): string {
  const text = p.abstractHtml ? htmlToText(p.abstractHtml) : citationLine(p);
  return text.length > 200 ? `${text.slice(0, 197).replace(/\s+\S*$/, '')}…` : text;
}

function citationLine(p: Publication): string {
  const names = p.authors.filter((a) => !a.others).map((a) => a.name);
  const authors = names.length > 3 ? `${names[0]} et al.` : names.join(', ');
  return [`${p.title}.`, authors && `${authors}.`, [p.venue, p.year].filter(Boolean).join(', ')].filter(Boolean).join(' ').trim();
}

const SECTION_NAV: readonly [string, string][] = [
  ['/people/', 'People'],
  ['/publications/', 'Publications'],
  ['/projects/', 'Projects'],
  ['/talks/', 'Talks'],
  ['/teaching/', 'Teaching'],
  ['/cv/', 'CV'],
  ['/news/', 'News'],
];

/** Without `navigation` in site.yml: About, the generated sections, then pages with `nav_order`. */
function defaultNavigation(routes: readonly Route[]): NavItem[] {
  const urls = new Set(routes.map((r) => r.url));
  const pages = routes
    .filter((r) => r.page?.navOrder !== undefined)
    .sort((a, b) => a.page!.navOrder! - b.page!.navOrder!)
    .map((r) => ({ title: r.page!.navTitle ?? r.title, url: r.url }));
  return [
    { title: 'About', url: '/' },
    ...SECTION_NAV.filter(([url]) => urls.has(url)).map(([url, title]) => ({ title, url })),
    ...pages.filter((p) => p.url !== '/'),
  ];
}
