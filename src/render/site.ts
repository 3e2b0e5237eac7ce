import path from 'node:path';
import { ContentError, type DiagnosticBag } from '../errors.js';
import type { BuildOptions } from '../config/options.js';
import type { BuildCache } from '../output/cache.js';
import type { Route, SiteModel } from '../model/site.js';
import { closest } from '../content/suggest.js';
import type { RenderState } from './helpers/context.js';
import type { ReusedBlock } from './helpers/reuse.js';
import { keptBlocks } from './kept-blocks.js';
import { loadSiteMarkdown, markdownSetup, type SiteMarkdown } from './site-markdown.js';
import { renderAtomFeed } from './feed.js';
import { renderRobots, renderSitemap } from './meta-files.js';
import type { Templates } from './templates.js';
import { PageKeys } from './page-key.js';
import { highwireTags, metricsView, publicationView, scholarlyArticleJson, withStrings } from './publication-view.js';
import { stringName } from '../content/bibtex/strings.js';
import { profilePageJson } from './profile-json.js';
import { courseView, memberView, projectView, type ViewsOf } from './section-views.js';
import { talkEventsJson } from './talk-events.js';
import { cvView, isActive, newsView, siteView, talkView } from './views.js';

/** A file of the finished site: its path below the output folder and its contents. */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
  /** For a page, its key (see PageKeys): the same key, the same contents. */
  readonly key?: string;
}

export interface RenderInfo {
  readonly version: string;
  /** The site's markdown, from siteMarkdown. */
  readonly markdown: SiteMarkdown;
  readonly onProgress?: BuildOptions['onProgress'];
  /** Copy-ready citations of each paper (by key), in each style, for its own page. */
  readonly citations?: ReadonlyMap<string, readonly FormattedCitation[]>;
  /**
   * Whether the file of `path` written with page key `key` is still in place (an incremental
   * writer's question); then the page is not rendered again. Without it, pages get no keys.
   */
  readonly unchanged?: (path: string, key: string) => boolean;
  /** Where `{{#reuse}}` blocks (publication cards) are kept between builds. */
  readonly blocks?: BuildCache;
}

export interface FormattedCitation {
  readonly style: string;
  readonly label: string;
  readonly html: string;
  readonly text: string;
}

/**
 * The markdown renderSiteTo will ask for, from `cache` (rendered markdown from earlier builds, by
 * source hash); remark is loaded only if the cache lacks some of it.
 */
export function siteMarkdown(model: SiteModel, cache: BuildCache | undefined): Promise<SiteMarkdown> {
  return loadSiteMarkdown(model.site, cache, (markdown) => {
    // What renderSiteTo renders, by the same code. Which publications a view lists renders no
    // markdown; a page whose layout is missing is asked for too, which at worst loads remark for nothing.
    contentViews(model, markdown, () => []);
    for (const route of model.routes) pageContent(route, markdown);
  });
}

/** Renders every route, redirect and meta file of the site; template problems go into `bag`. */
export async function renderSite(model: SiteModel, templates: Templates, bag: DiagnosticBag, info: Omit<RenderInfo, 'markdown'> & { markdownCache?: BuildCache }): Promise<OutputFile[]> {
  const { markdownCache, ...rest } = info;
  const markdown = await siteMarkdown(model, markdownCache);
  const files: OutputFile[] = [];
  renderSiteTo(model, templates, bag, { ...rest, markdown }, (file) => files.push(file));
  return files;
}

/**
 * Renders the site file by file into `emit`, which may write each one out at once: a big site is
 * then never held in memory whole. Returns the paths of the files emitted, in order.
 */
export function renderSiteTo(model: SiteModel, templates: Templates, bag: DiagnosticBag, info: RenderInfo, emit: (file: OutputFile) => void): string[] {
  const paths: string[] = [];
  const output = (path: string, contents: string, key?: string) => {
    paths.push(path);
    emit(key ? { path, contents, key } : { path, contents });
  };
  const valueKeys = info.unchanged || info.blocks ? new PageKeys(templates) : undefined;
  const keys = info.unchanged ? valueKeys : undefined;
  const { site } = model;
  const { rootState } = markdownSetup(site);
  // What a kept block may depend on besides its object: the settings of the site, navigation
  // included, with no item active (which one is, differs from page to page).
  const kept = info.blocks && valueKeys ? keptBlocks(info.blocks, valueKeys, JSON.stringify([rootState.origin, rootState.basePath, rootState.language, siteView(site, model.navigation, '')])) : undefined;
  const topicUrls = new Map(model.publicationFilters.filter((f) => f.kind === 'topic').map((f) => [f.slug, f.url]));
  const projectsOf = new Map<string, { title: string; url: string }[]>();
  for (const project of model.projects) {
    for (const p of project.related) projectsOf.set(p.key, [...(projectsOf.get(p.key) ?? []), { title: project.title, url: project.url }]);
  }
  // Which filters each paper belongs to, for the script that filters the full list in place.
  const filtersOf = new Map<string, string[]>();
  for (const f of model.publicationFilters) for (const p of f.items) filtersOf.set(p.key, [...(filtersOf.get(p.key) ?? []), filterId(f)]);
  // A paper's page shows the same view as the lists, with its citations: one object for both, so
  // its page key (PageKeys) is worked out once.
  const publications = model.publications.map((p) => ({
    ...publicationView(p, site.publications, topicUrls),
    projects: projectsOf.get(p.key) ?? [],
    filter_ids: (filtersOf.get(p.key) ?? []).join(' '),
    cite: info.citations?.get(p.key) ?? [],
  }));
  const byKey = new Map(publications.map((p) => [p.key, p]));
  const views = (list: readonly { key: string }[]) => list.map((p) => byKey.get(p.key)!);
  const filterLinksOf = (kind: 'type' | 'topic', currentUrl: string) =>
    model.publicationFilters.filter((f) => f.kind === kind).map((f) => ({ id: filterId(f), title: f.title, url: f.url, count: f.items.length, active: f.url === currentUrl }));
  // The same for every page but the filter pages themselves: made once, not once a page.
  const filterUrls = new Set(['/publications/', ...model.publicationFilters.map((f) => f.url)]);
  const otherPagesFilters = { types: filterLinksOf('type', ''), topics: filterLinksOf('topic', ''), all_active: false };
  const publicationFiltersOf = (url: string) => (filterUrls.has(url) ? { types: filterLinksOf('type', url), topics: filterLinksOf('topic', url), all_active: url === '/publications/' } : otherPagesFilters);
  const siteViews = new Map<string, ReturnType<typeof siteView>>();
  // The site as a page sees it differs only in which navigation item is active.
  const siteViewOf = (url: string) => {
    const active = model.navigation.map((item) => (isActive(item.url, url) ? '1' : '0')).join('');
    let view = siteViews.get(active);
    if (!view) siteViews.set(active, (view = siteView(site, model.navigation, url)));
    return view;
  };
  const { talks, news, people, teaching, projects, cv_sections } = contentViews(model, info.markdown, views);
  const talkByUrl = new Map(talks.map((t) => [t.url, t]));
  const shared = {
    publications,
    publication_groups: model.publicationGroups.map((g) => ({ title: g.title, id: g.id, items: views(g.items) })),
    publication_metrics: model.metrics ? metricsView(model.metrics) : undefined,
    publication_count: publications.length,
    publications_have_marks: publications.some((p) => p.has_marks),
    selected_publications: site.home.selectedPublications ? publications.filter((p) => p.selected) : [],
    talks,
    talk_groups: model.talkGroups.map((g) => ({ title: g.title, items: g.items.map((t) => talkByUrl.get(t.url)!) })),
    news,
    latest_news: news.slice(0, site.home.news),
    people,
    people_groups: [] as { title: string; id: string; items: ReturnType<typeof memberView>[] }[],
    teaching,
    teaching_groups: [] as { title: string; id: string; items: ReturnType<typeof courseView>[] }[],
    projects,
    cv_sections,
    build: { generator: `Folio ${info.version}` },
    feed: news.length > 0 ? '/feed.xml' : undefined,
  };

  const memberBySlug = new Map(shared.people.map((m) => [m.slug, m]));
  const courseBySlug = new Map(shared.teaching.map((c) => [c.slug, c]));
  shared.people_groups = model.peopleGroups.map((g) => ({ title: g.title, id: g.id, items: g.items.map((m) => memberBySlug.get(m.slug)!) }));
  shared.teaching_groups = model.teachingGroups.map((g) => ({ title: g.title, id: g.id, items: g.items.map((c) => courseBySlug.get(c.slug)!) }));
  const projectBySlug = new Map(shared.projects.map((p) => [p.slug, p]));

  // Blocks of `{{#reuse}}` (publication cards), rendered once for every page that shows them.
  const reused = new WeakMap<object, Map<string, ReusedBlock>>();
  const base = templates.layouts.get('base');
  const total = model.routes.length;
  for (const [done, route] of model.routes.entries()) {
    if (info.onProgress && done % 250 === 0) info.onProgress({ phase: 'render', done, total });
    const layout = templates.layouts.get(route.layout);
    if (!layout) {
      reportUnknownLayout(route, templates, bag);
      continue;
    }
    const state: RenderState = { ...rootState, outputPath: route.outputPath, absoluteLinks: route.outputPath === '404.html', reused, ...(kept ? { kept } : {}) };
    const paper = route.publication;
    const filtered = route.filter ? { publication_groups: [{ title: route.filter.title, id: route.filter.slug, items: views(route.filter.items) }] } : {};
    const context = {
      ...shared,
      ...filtered,
      publication_filters: publicationFiltersOf(route.url),
      publication: paper ? byKey.get(paper.key) : undefined,
      site: siteViewOf(route.url),
      page: {
        title: route.title,
        description: route.description ?? (route.url === '/' ? site.description : undefined),
        url: `${site.origin}${site.basePath}${route.url}`,
        path: route.url,
        layout: route.layout,
        classes: route.page?.classes.join(' ') ?? '',
        author_profile: route.page?.authorProfile ?? false,
        date: route.page?.date,
        content: pageContent(route, info.markdown),
        params: route.page?.params ?? {},
        filter: route.filter ? { kind: route.filter.kind, title: route.filter.title, count: route.filter.items.length } : undefined,
        meta_tags: paper ? highwireTags(paper, site) : [],
        json_ld: paper ? scholarlyArticleJson(paper, site) : route.talk ? talkEventsJson(route.talk, site) : route.layout === 'home' ? profilePageJson(site) : undefined,
      },
      talk: route.talk ? talkByUrl.get(route.talk.url) : undefined,
      member: route.member ? memberBySlug.get(route.member.slug) : undefined,
      project: route.project ? projectBySlug.get(route.project.slug) : undefined,
      _render: state,
    };
    const key = keys?.keyOf(route.layout, context, state);
    if (key && info.unchanged!(route.outputPath, key)) {
      paths.push(route.outputPath);
      continue;
    }
    const html = runTemplate(templates, route.layout, () => {
      const body = layout(context);
      return base && route.layout !== 'redirect' ? base({ ...context, body }) : body;
    }, bag);
    if (html !== undefined) output(route.outputPath, html, key);
  }

  const redirect = templates.layouts.get('redirect');
  for (const r of model.redirects) {
    if (!redirect) {
      bag.error('UnknownLayout', 'redirect_from needs the layout templates/layouts/redirect.hbs, which is missing.', { file: r.file, field: 'redirect_from' });
      break;
    }
    const target = `${site.origin}${site.basePath}${r.to}`;
    const html = runTemplate(templates, 'redirect', () => redirect({ target, site: { language: site.language }, _render: { ...rootState, outputPath: r.outputPath } }), bag);
    if (html !== undefined) output(r.outputPath, html);
  }

  // The BibTeX to download: each entry as written (minus website-only fields), and all of them.
  for (const p of model.publications) output(`publications/${p.slug}.bib`, `${withStrings(p)}\n`);
  if (model.publications.length > 0) {
    // Each @string once, before the entries that use it; two files defining one name differently keep the first.
    const strings = new Map<string, string>();
    for (const definition of model.publications.flatMap((p) => p.bibtexStrings)) if (!strings.has(stringName(definition))) strings.set(stringName(definition), definition);
    output('publications.bib', `${[...strings.values(), ...model.publications.map((p) => p.bibtex)].join('\n\n')}\n`);
  }

  if (news.length > 0) output('feed.xml', renderAtomFeed(model, news));
  output('sitemap.xml', renderSitemap(model));
  output('robots.txt', renderRobots(model));
  // GitHub Pages must serve the files as they are, not run them through Jekyll.
  output('.nojekyll', '');
  return paths;
}

/** The views of the content that holds markdown; siteMarkdown runs this too, to learn what markdown they need. */
function contentViews(model: SiteModel, markdown: SiteMarkdown, views: ViewsOf) {
  const { render, renderInline } = markdown;
  return {
    talks: model.talks.map((t) => talkView(t, render)),
    news: model.news.map((n) => newsView(n, render)),
    people: model.people.map((m) => memberView(m, render, views)),
    teaching: model.teaching.map((c) => courseView(c, render)),
    projects: model.projects.map((p) => projectView(p, render, views)),
    cv_sections: model.cv ? cvView(model.cv, render, renderInline, new Map(model.publications.flatMap((p) => (p.number ? [[p.number, p.slug] as const] : [])))) : [],
  };
}

function pageContent(route: Route, markdown: SiteMarkdown): string {
  return route.page ? markdown.render(route.page.body) : '';
}

function reportUnknownLayout(route: Route, templates: Templates, bag: DiagnosticBag): void {
  const known = [...templates.layouts.keys()].filter((k) => k !== 'base' && k !== 'redirect');
  const guess = closest(route.layout, known);
  const line = route.page?.lineOf('layout');
  bag.error(
    'UnknownLayout',
    `There is no layout "${route.layout}" in templates/layouts/.`,
    { file: route.page?.file ?? path.join(templates.dir, 'layouts'), ...(line ? { line } : {}), field: 'layout' },
    guess ? `Did you mean \`${guess}\`?` : `Known layouts: ${known.join(', ')}.`,
  );
}

/** Handlebars reports a missing partial or a helper error by throwing; that is a template problem, not a bug. */
function runTemplate(templates: Templates, layout: string, run: () => string, bag: DiagnosticBag): string | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof ContentError) throw error;
    const message = (error as Error).message;
    const partial = /The partial (\S+) could not be found/.exec(message)?.[1];
    bag.error(
      partial ? 'UnknownPartial' : 'TemplateError',
      partial ? `The layout "${layout}" uses the partial "${partial}", which is not in templates/partials/.` : `The layout "${layout}" failed: ${message}`,
      { file: path.join(templates.dir, 'layouts', `${layout}.hbs`) },
      partial ? `Create templates/partials/${partial}.hbs or fix the name in {{> ${partial}}}.` : undefined,
    );
    return undefined;
  }
}

/** A filter's name in the page (`type-journal`, `topic-sharpness`): data for the filtering script. */
function filterId(filter: { kind: string; slug: string }): string {
  return `${filter.kind}-${filter.slug}`;
}
