import { htmlToText, latexToHtml } from '../content/bibtex/latex.js';
import type { BibEntry } from '../content/bibtex/parse.js';
import { stripFields } from '../content/bibtex/strip-fields.js';
import type { DiagnosticBag } from '../errors.js';
import { isSafeUrl } from '../urls.js';
import { cslNameParts, type PersonName } from './names.js';

export type PublicationKind = 'journal' | 'conference' | 'workshop' | 'preprint' | 'thesis' | 'book' | 'other';

export interface PublicationAuthor {
  readonly name: string;
  /** This author is the site's owner (bolded). */
  readonly owner: boolean;
  /** Contribution marks such as `*` (equal contribution) or `†`. */
  readonly mark: string;
  /** The "and others" of BibTeX, shown as "et al." */
  readonly others: boolean;
}

export interface PublicationLink {
  readonly id: string;
  readonly label: string;
  /** An absolute URL or a path inside the site. */
  readonly url: string;
}

/** A publication as the templates show it. */
export interface Publication {
  readonly key: string;
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
  readonly abbr?: string;
  readonly year?: number;
  readonly month?: number;
  readonly status?: string;
  readonly note?: string;
  readonly abstractHtml?: string;
  readonly selected: boolean;
  /** Its number in the list (`[8]`…`[1]`), when site.yml asks for numbering. */
  readonly number?: number;
  readonly links: readonly PublicationLink[];
  /** The entry exactly as written in the .bib file, minus the fields that only steer the website. */
  readonly bibtex: string;
}

const LINKS: readonly { id: string; label: string; field: string; expand?: (v: string) => string }[] = [
  { id: 'pdf', label: 'PDF', field: 'pdf' },
  { id: 'arxiv', label: 'arXiv', field: 'arxiv', expand: (v) => `https://arxiv.org/abs/${v.replace(/^arxiv:/i, '')}` },
  { id: 'doi', label: 'DOI', field: 'doi', expand: (v) => (/^https?:/.test(v) ? v : `https://doi.org/${v}`) },
  { id: 'code', label: 'Code', field: 'code' },
  { id: 'slides', label: 'Slides', field: 'slides' },
  { id: 'video', label: 'Video', field: 'video' },
  { id: 'poster', label: 'Poster', field: 'poster' },
  { id: 'website', label: 'Website', field: 'website' },
  { id: 'link', label: 'HTML', field: 'html' },
];

const STATUS = /\b(under review|to appear|in press|accepted|submitted|preprint|forthcoming)\b/i;

/** Turns a parsed BibTeX entry into what the pages show; `isOwner` recognises the site's owner. */
export function toPublication(entry: BibEntry, isOwner: (name: PersonName) => boolean, bag: DiagnosticBag): Publication {
  const { csl, fields } = entry;
  const at = { file: entry.file, line: entry.line, column: entry.column };
  const titleHtml = fields.title ? latexToHtml(fields.title, 'title') : '';
  const title = htmlToText(titleHtml);
  if (!title) bag.error('MissingRequiredField', `The entry \`${entry.key}\` has no title.`, { ...at, field: 'title' }, 'Add `title = {…}` to the entry.');

  const authors = (csl.author ?? []).map((name): PublicationAuthor => {
    const parts = cslNameParts(name);
    if (parts.family === 'others' && !parts.given) return { name: 'et al.', owner: false, mark: '', others: true };
    return { name: parts.display, owner: isOwner(parts), mark: parts.marks, others: false };
  });

  const dateParts = csl.issued?.['date-parts']?.[0];
  const year = toNumber(dateParts?.[0]) ?? toNumber(fields.year);
  const month = toNumber(dateParts?.[1]);
  const eprintArxiv = /arxiv/i.test(fields.archiveprefix ?? fields.eprinttype ?? '') ? fields.eprint : undefined;
  const urlFields: Record<string, string | undefined> = { ...fields, ...(fields.arxiv || !eprintArxiv ? {} : { arxiv: eprintArxiv }), ...(fields.html || !fields.url ? {} : { html: fields.url }) };

  const links = LINKS.flatMap(({ id, label, field, expand }) => {
    const value = urlFields[field]?.trim();
    if (!value) return [];
    const url = expand ? expand(value) : sitePathOrUrl(value);
    if (!isSafeUrl(url)) {
      bag.error('UnsafeUrl', `The \`${field}\` of \`${entry.key}\` is not an http(s) URL or a site path.`, { ...at, field }, 'Only http, https and mailto links and paths inside the site are published.');
      return [];
    }
    return [{ id, label, url }];
  });

  const note = fields.note ? htmlToText(latexToHtml(fields.note, 'note')) : undefined;
  const status = fields.status ?? (note ? STATUS.exec(note)?.[0] : undefined);
  const venueHtml = venueOf(entry);
  const venue = venueHtml ? htmlToText(venueHtml) : undefined;
  const abstractHtml = fields.abstract ? latexToHtml(fields.abstract, 'abstract') : undefined;
  return {
    key: entry.key,
    file: entry.file,
    line: entry.line,
    type: entry.type,
    kind: kindOf(entry, venue),
    title,
    titleHtml,
    authors,
    ...(venue && venueHtml ? { venue, venueHtml } : {}),
    ...(fields.abbr ? { abbr: fields.abbr } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(month !== undefined ? { month } : {}),
    ...(status ? { status: capitalise(status) } : {}),
    ...(note ? { note } : {}),
    ...(abstractHtml ? { abstractHtml } : {}),
    selected: /^(true|yes|1)$/i.test(fields.selected ?? ''),
    links,
    bibtex: stripFields(entry.text),
  };
}

/** The venue as safe HTML, from the raw field so math and markup survive. */
function venueOf({ fields }: BibEntry): string | undefined {
  const name = ['journal', 'booktitle', 'school', 'institution', 'publisher', 'howpublished', 'organization'].find((f) => fields[f]);
  return name ? latexToHtml(fields[name]!, name) : undefined;
}

function kindOf({ type, fields }: BibEntry, venue: string | undefined): PublicationKind {
  const preprint = /arxiv|preprint|biorxiv|medrxiv|ssrn/i.test(venue ?? '') || /under review|submitted|preprint/i.test(fields.note ?? fields.status ?? '');
  if (type === 'phdthesis' || type === 'mastersthesis' || type === 'thesis') return 'thesis';
  if (preprint || type === 'unpublished') return 'preprint';
  if (type === 'article') return 'journal';
  if (type === 'inproceedings' || type === 'conference' || type === 'proceedings') return /workshop/i.test(venue ?? '') ? 'workshop' : 'conference';
  if (type === 'book' || type === 'incollection' || type === 'inbook') return 'book';
  if (fields.arxiv || fields.eprint) return 'preprint';
  return 'other';
}

/** A bare file name in BibTeX (`paper.pdf`) is a file of the site, like `/paper.pdf`. */
function sitePathOrUrl(value: string): string {
  return /^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(value) ? value : `/${value}`;
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(n) ? n : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
}
