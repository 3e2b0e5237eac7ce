import type { SiteConfig } from '../config/site.js';
import { htmlToText } from '../content/bibtex/latex.js';
import type { Metrics } from '../model/metrics.js';
import type { Publication, PublicationAuthor } from '../model/publication.js';
import { KIND_TITLES } from '../model/publication-list.js';
import { topicSlug } from '../model/publication-list.js';
import { safeJson } from './helpers/json.js';

/** A publication as the templates see it (snake_case, documented in docs/templates.md). */
export function publicationView(p: Publication, settings: SiteConfig['publications'], topicUrls: ReadonlyMap<string, string>) {
  return {
    key: p.key,
    slug: p.slug,
    url: p.url,
    bib_url: `/publications/${p.slug}.bib`,
    type: p.type,
    kind: p.kind,
    kind_title: KIND_TITLES[p.kind],
    title: p.title,
    title_html: p.titleHtml,
    authors: p.authors,
    authors_short: shortAuthors(p.authors, settings.maxAuthors),
    has_marks: p.authors.some((a) => a.mark !== ''),
    venue: p.venue,
    venue_html: p.venueHtml,
    extra_venues_html: p.extraVenuesHtml,
    abbr: p.abbr,
    year: p.year,
    month: p.month,
    status: p.status,
    note_html: p.noteHtml,
    additional_info_html: p.additionalInfoHtml,
    annotation_html: p.annotationHtml,
    award: p.award ? { name: p.award.name, detail_html: p.award.detailHtml } : undefined,
    abstract: p.abstractHtml ? htmlToText(p.abstractHtml) : undefined,
    abstract_html: p.abstractHtml,
    keywords: p.keywords.map((k) => ({ name: k, url: topicUrls.get(topicSlug(k)) })),
    citations: p.citations,
    selected: p.selected,
    links: p.links,
    preview: p.preview,
    google_scholar_id: p.googleScholarId,
    bibtex: withStrings(p),
    number: p.number,
    meta: p.meta,
  };
}

export type PublicationView = ReturnType<typeof publicationView>;

/**
 * The first `max` authors, then "et al."; the owner always stays visible (after an ellipsis when
 * they come later), as in the seed listing. `max` 0 keeps everyone.
 */
export function shortAuthors(authors: readonly PublicationAuthor[], max: number): readonly PublicationAuthor[] {
  if (max <= 0 || authors.length <= max) return authors;
  const head = authors.slice(0, max);
  const owner = authors.slice(max).find((a) => a.owner);
  const etAl: PublicationAuthor = { name: 'et al.', owner: false, mark: '', others: true, family: '', given: '' };
  return owner && !head.some((a) => a.owner) ? [...head.slice(0, max - 1), { ...owner }, etAl] : [...head, etAl];
}

export function metricsView(m: Metrics) {
  return { papers: m.papers, counted: m.counted, citations: m.citations, h_index: m.hIndex, i10_index: m.i10Index };
}

/**
 * Google Scholar's Highwire tags for a paper page, in the order its inclusion guidelines list them.
 * `citation_pdf_url` only for a PDF in the page's own folder, the one place Scholar trusts it.
 */
export function highwireTags(p: Publication, site: SiteConfig): { name: string; content: string }[] {
  const { meta } = p;
  const tags: [string, string | undefined][] = [
    ['citation_title', p.title],
    ...p.authors.filter((a) => !a.others).map((a): [string, string] => ['citation_author', a.name]),
    ['citation_publication_date', meta.date],
    ['citation_journal_title', meta.journal],
    ['citation_conference_title', meta.conference],
    ['citation_dissertation_institution', meta.dissertationInstitution],
    ['citation_technical_report_institution', meta.reportInstitution],
    ['citation_volume', meta.volume],
    ['citation_issue', meta.issue],
    ['citation_firstpage', meta.firstPage],
    ['citation_lastpage', meta.lastPage],
    ['citation_publisher', meta.publisher],
    ['citation_isbn', meta.isbn],
    ['citation_doi', meta.doi],
    ['citation_arxiv_id', meta.arxivId],
  ];
  const pdf = p.links.find((l) => l.id === 'pdf' && l.url.startsWith(p.url) && /\.pdf$/i.test(l.url));
  if (pdf) tags.push(['citation_pdf_url', `${site.origin}${site.basePath}${pdf.url}`]);
  return tags.filter((t): t is [string, string] => t[1] !== undefined && t[1] !== '').map(([name, content]) => ({ name, content }));
}

/** schema.org ScholarlyArticle JSON-LD, serialised so no field can close the script element. */
export function scholarlyArticleJson(p: Publication, site: SiteConfig): string {
  const absolute = (url: string) => (url.startsWith('/') ? `${site.origin}${site.basePath}${url}` : url);
  const data = {
    '@context': 'https://schema.org',
    '@type': p.kind === 'thesis' ? 'Thesis' : 'ScholarlyArticle',
    headline: p.title,
    name: p.title,
    url: absolute(p.url),
    author: p.authors.filter((a) => !a.others).map((a) => ({ '@type': 'Person', name: a.name, ...(a.url ? { url: absolute(a.url) } : {}) })),
    ...(p.meta.date ? { datePublished: p.meta.date.replace(/\//g, '-').replace(/-(\d)(?=-|$)/g, '-0$1') } : {}),
    ...(p.venue ? { isPartOf: { '@type': p.meta.journal ? 'Periodical' : 'CreativeWork', name: p.venue } } : {}),
    ...(p.abstractHtml ? { abstract: htmlToText(p.abstractHtml) } : {}),
    ...(p.meta.doi ? { identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: p.meta.doi }, sameAs: `https://doi.org/${p.meta.doi}` } : {}),
    ...(p.keywords.length ? { keywords: p.keywords.join(', ') } : {}),
  };
  return safeJson(data);
}

/** The entry as a reader copies or downloads it: with the `@string`s it uses, so it compiles alone. */
export function withStrings(p: Publication): string {
  return [...p.bibtexStrings, p.bibtex].join('\n\n');
}
