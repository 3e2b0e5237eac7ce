import { htmlToText, latexToHtml } from '../content/bibtex/latex.js';
import type { BibEntry, CslItem } from '../content/bibtex/parse.js';
import { stripFields } from '../content/bibtex/strip-fields.js';
import type { Coauthor } from '../content/data-files.js';
import type { DiagnosticBag } from '../errors.js';
import { cslNameParts, nameMatcher, type PersonName } from './names.js';
import { publicationLinks, type Attachment, type PublicationLink, type SiteFiles } from './publication-links.js';
import { fitSlug } from './slug-length.js';
import { citationMeta, type CitationMeta } from './publication-meta.js';

export type { Attachment, PublicationLink, SiteFiles } from './publication-links.js';

export type PublicationKind = 'journal' | 'conference' | 'workshop' | 'preprint' | 'thesis' | 'book' | 'other';
export const PUBLICATION_KINDS: readonly PublicationKind[] = ['journal', 'conference', 'workshop', 'preprint', 'thesis', 'book', 'other'];

export interface PublicationAuthor {
  readonly name: string;
  /** This author is the site's owner (bolded). */
  readonly owner: boolean;
  /** Contribution marks such as `*` (equal contribution) or `†`. */
  readonly mark: string;
  /** The "and others" of BibTeX, shown as "et al." */
  readonly others: boolean;
  /** Their homepage, from coauthors.yml. */
  readonly url?: string;
  /** The name's parts without marks, to match it against people. */
  readonly family: string;
  readonly given: string;
}

/** A publication as the templates show it. */
export interface Publication {
  readonly key: string;
  /** The key made safe for a URL: the paper's page is `/publications/<slug>/`. */
  readonly slug: string;
  readonly url: string;
  readonly file: string;
  readonly line: number;
  readonly type: string;
  readonly kind: PublicationKind;
  /** Plain text, for meta tags and sorting. */
  readonly title: string;
  /** Safe HTML: LaTeX decoded, math as MathML. */
  readonly titleHtml: string;
  readonly authors: readonly PublicationAuthor[];
  readonly venue?: string;
  readonly venueHtml?: string;
  /** Other venues of the same work, e.g. a workshop version (`venue_extra`), as safe HTML. */
  readonly extraVenuesHtml: readonly string[];
  readonly abbr?: string;
  readonly year?: number;
  readonly month?: number;
  /** Under review, To appear, Preprint…: from a `status` field or the `note`. */
  readonly status?: string;
  readonly noteHtml?: string;
  /** al-folio's `additional_info` and `annotation`, as safe HTML. */
  readonly additionalInfoHtml?: string;
  readonly annotationHtml?: string;
  readonly award?: { readonly name: string; readonly detailHtml?: string };
  readonly abstractHtml?: string;
  readonly keywords: readonly string[];
  readonly citations?: number;
  /** The entry as citation-js reads it (CSL-JSON): what the citation styles format. */
  readonly csl: CslItem;
  readonly selected: boolean;
  /** Its number in the list (`[8]`…`[1]`), when site.yml asks for numbering. */
  readonly number?: number;
  readonly links: readonly PublicationLink[];
  readonly preview?: string;
  readonly googleScholarId?: string;
  /** Files from beside the .bib file, copied into the paper's folder. */
  readonly attachments: readonly Attachment[];
  /** What Google Scholar's meta tags and the citation formats need. */
  readonly meta: CitationMeta;
  /** The entry exactly as written in the .bib file, minus the fields that only steer the website. */
  readonly bibtex: string;
  /** The `@string` definitions the entry uses, as written: shown and downloaded before it. */
  readonly bibtexStrings: readonly string[];
}

/** What turning an entry into a publication needs to know about the rest of the site. */
export interface PublicationContext {
  readonly isOwner: (name: PersonName) => boolean;
  readonly coauthors: readonly Coauthor[];
  readonly citationCounts: ReadonlyMap<string, number>;
  readonly files: SiteFiles;
  readonly bag: DiagnosticBag;
}

const STATUS = /\b(under review|to appear|in press|accepted|submitted|preprint|forthcoming|in preparation)\b/i;

/** Turns a parsed BibTeX entry into what the pages show. */
export function toPublication(entry: BibEntry, context: PublicationContext, coauthorUrl = coauthorFinder(context.coauthors)): Publication {
  const { csl, fields } = entry;
  const { bag } = context;
  const at = { file: entry.file, line: entry.line, column: entry.column };
  const html = (field: string) => (fields[field]?.trim() ? latexToHtml(fields[field]!, field) : undefined);
  const titleHtml = html('title') ?? '';
  const title = htmlToText(titleHtml);
  if (!title) bag.error('MissingRequiredField', `The entry \`${entry.key}\` has no title.`, { ...at, field: 'title' }, 'Add `title = {…}` to the entry.');

  const authors = (csl.author ?? []).map((name): PublicationAuthor => {
    const parts = cslNameParts(name);
    if (parts.family === 'others' && !parts.given) return { name: 'et al.', owner: false, mark: '', others: true, family: '', given: '' };
    const url = coauthorUrl(parts);
    return { name: parts.display, owner: context.isOwner(parts), mark: parts.marks, others: false, family: parts.family, given: parts.given, ...(url ? { url } : {}) };
  });

  const slug = slugOfKey(entry.key);
  const { links, attachments, preview } = publicationLinks(entry, `publications/${slug}/`, context.files, bag);
  const meta = citationMeta(entry);
  const noteHtml = html('note');
  const note = noteHtml ? htmlToText(noteHtml) : undefined;
  const statusPhrase = fields.status ?? (note ? STATUS.exec(note)?.[0] : undefined);
  // A note that only states the status ("Under review at ICLR 2026") is shown once, as the status.
  const noteIsStatus = !fields.status && note !== undefined && statusPhrase !== undefined && note.length <= 60 && note.toLowerCase().startsWith(statusPhrase.toLowerCase());
  const status = noteIsStatus ? note : statusPhrase ? capitalise(statusPhrase) : undefined;
  const venueHtml = venueOf(entry);
  const venue = venueHtml ? htmlToText(venueHtml) : undefined;
  const citations = citationCount(entry, context, bag);
  const awardDetail = html('award');
  const optional = {
    venue, venueHtml,
    abbr: fields.abbr?.trim() || undefined,
    year: meta.year,
    month: meta.month,
    status,
    noteHtml: noteIsStatus ? undefined : noteHtml,
    additionalInfoHtml: html('additional_info'),
    annotationHtml: html('annotation'),
    award: fields.award_name || awardDetail ? { name: fields.award_name?.trim() || 'Award', ...(awardDetail ? { detailHtml: awardDetail } : {}) } : undefined,
    abstractHtml: html('abstract'),
    citations,
    preview,
    googleScholarId: fields.google_scholar_id?.trim() || undefined,
  };
  return {
    key: entry.key,
    slug,
    url: `/publications/${slug}/`,
    file: entry.file,
    line: entry.line,
    type: entry.type,
    kind: kindOf(entry, venue, context, at),
    title,
    titleHtml,
    authors,
    extraVenuesHtml: splitList(fields.venue_extra, /\s*;\s*/).map((v) => latexToHtml(v, 'venue_extra')),
    keywords: splitList(fields.keywords, /\s*[,;]\s*/),
    selected: /^(true|yes|1)$/i.test(fields.selected?.trim() ?? ''),
    links,
    attachments,
    meta,
    bibtex: stripFields(entry.text),
    bibtexStrings: entry.strings,
    csl: entry.csl,
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<Publication>),
  };
}

/** Keys like `Smith:2020/ICML` become URL segments like `Smith-2020-ICML` (case kept, as keys are). */
export function slugOfKey(key: string): string {
  const ascii = key.normalize('NFKD').replace(/\p{M}/gu, '');
  return fitSlug(ascii.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'entry');
}

/** The venue as safe HTML, from the raw field so math and markup survive. */
function venueOf({ fields }: BibEntry): string | undefined {
  const name = ['journal', 'journaltitle', 'booktitle', 'school', 'institution', 'publisher', 'howpublished', 'organization'].find((f) => fields[f]?.trim());
  return name ? latexToHtml(fields[name]!, name) : undefined;
}

function kindOf({ type, fields }: BibEntry, venue: string | undefined, { bag }: PublicationContext, at: { file: string; line: number }): PublicationKind {
  const given = fields.kind?.trim().toLowerCase();
  if (given) {
    if ((PUBLICATION_KINDS as readonly string[]).includes(given)) return given as PublicationKind;
    bag.warn('WrongFieldType', `\`kind = {${given}}\` is not one of ${PUBLICATION_KINDS.join(', ')}; the type is guessed instead.`, { ...at, field: 'kind' });
  }
  const preprint = /arxiv|preprint|biorxiv|medrxiv|ssrn/i.test(venue ?? '') || /under review|submitted|preprint/i.test(`${fields.note ?? ''} ${fields.status ?? ''}`);
  if (type === 'phdthesis' || type === 'mastersthesis' || type === 'thesis') return 'thesis';
  if (preprint || type === 'unpublished') return 'preprint';
  if (type === 'article') return 'journal';
  if (type === 'inproceedings' || type === 'conference' || type === 'proceedings') return /workshop/i.test(venue ?? '') ? 'workshop' : 'conference';
  if (type === 'book' || type === 'incollection' || type === 'inbook') return 'book';
  if (fields.arxiv || fields.eprint) return 'preprint';
  return 'other';
}

function citationCount(entry: BibEntry, context: PublicationContext, bag: DiagnosticBag): number | undefined {
  const written = entry.fields.citations?.trim();
  if (written === undefined || written === '') return context.citationCounts.get(entry.key);
  if (/^\d+$/.test(written)) return Number(written);
  bag.warn('WrongFieldType', `\`citations = {${written}}\` of \`${entry.key}\` is not a whole number; it is not counted.`, { file: entry.file, line: entry.line, field: 'citations' });
  return context.citationCounts.get(entry.key);
}

/** Finds a co-author's homepage by family name (accents and case aside) and a compatible given name. */
export function coauthorFinder(coauthors: readonly Coauthor[]): (name: PersonName) => string | undefined {
  const matchers = coauthors.map((c) => ({ url: c.url, matches: nameMatcher(c.given.length ? c.given.map((g) => `${c.family}, ${g}`) : [`${c.family}, `]) }));
  return (name) => matchers.find((m) => m.matches(name))?.url;
}

function splitList(value: string | undefined, separator: RegExp): string[] {
  return (value ?? '').split(separator).map((s) => s.trim()).filter(Boolean);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}
