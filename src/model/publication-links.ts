import type { BibEntry } from '../content/bibtex/parse.js';
import type { DiagnosticBag } from '../errors.js';
import { isSafeUrl } from '../urls.js';

export interface PublicationLink {
  readonly id: string;
  readonly label: string;
  /** An absolute URL or a path inside the site. */
  readonly url: string;
}

/** A file from beside a .bib file, published in its paper's own folder. */
export interface Attachment {
  /** Absolute path of the source file. */
  readonly from: string;
  /** Output path, e.g. `publications/ada2024/ada2024.pdf`. */
  readonly to: string;
}

/** Which files exist, so a relative `pdf = {paper.pdf}` can be found and a missing one reported. */
export interface SiteFiles {
  /** Files of public/, as paths relative to it (`files/cv.pdf`). */
  readonly public: ReadonlySet<string>;
  /** Files beside the .bib files, relative to content/publications/ → absolute path. */
  readonly besideBib: ReadonlyMap<string, string>;
}

interface LinkKind {
  readonly id: string;
  readonly label: string;
  readonly field: string;
  /** A bare identifier (arXiv id, DOI, HAL id, PMID) becomes its URL. */
  readonly expand?: (value: string) => string;
  /** A file the user uploads: a relative value is looked up, a missing file is reported. */
  readonly file?: boolean;
}

/** The link buttons, in the order they show; al-folio's field names. */
const LINKS: readonly LinkKind[] = [
  { id: 'pdf', label: 'PDF', field: 'pdf', file: true },
  { id: 'arxiv', label: 'arXiv', field: 'arxiv', expand: (v) => `https://arxiv.org/abs/${v.replace(/^arxiv:/i, '')}` },
  { id: 'doi', label: 'DOI', field: 'doi', expand: (v) => `https://doi.org/${v.replace(/^doi:/i, '')}` },
  { id: 'link', label: 'HTML', field: 'html' },
  { id: 'code', label: 'Code', field: 'code' },
  { id: 'supp', label: 'Supp', field: 'supp', file: true },
  { id: 'slides', label: 'Slides', field: 'slides', file: true },
  { id: 'poster', label: 'Poster', field: 'poster', file: true },
  { id: 'video', label: 'Video', field: 'video' },
  { id: 'website', label: 'Website', field: 'website' },
  { id: 'blog', label: 'Blog', field: 'blog' },
  { id: 'link', label: 'HAL', field: 'hal', expand: (v) => `https://hal.science/${v}` },
  { id: 'link', label: 'PubMed', field: 'pmid', expand: (v) => `https://pubmed.ncbi.nlm.nih.gov/${v}/` },
];

/** Where al-folio keeps uploads, tried after the value itself, so its papers.bib works unchanged. */
const AL_FOLIO_DIRS: Readonly<Record<string, string>> = { pdf: 'assets/pdf/', supp: 'assets/pdf/', slides: 'assets/pdf/', poster: 'assets/pdf/', preview: 'assets/img/publication_preview/' };

/** The link buttons of one entry, the files to copy beside its page, and its preview image. */
export function publicationLinks(entry: BibEntry, folder: string, files: SiteFiles, bag: DiagnosticBag) {
  const { fields } = entry;
  const attachments: Attachment[] = [];
  const at = (field: string) => ({ file: entry.file, line: entry.line, column: entry.column, field });
  const eprintArxiv = /arxiv/i.test(fields.archiveprefix ?? fields.eprinttype ?? '') ? fields.eprint : undefined;
  const values: Record<string, string | undefined> = {
    ...fields,
    arxiv: fields.arxiv ?? eprintArxiv,
    // A plain `url` is the paper's web page unless `html` says otherwise.
    html: fields.html ?? fields.url,
  };

  const resolve = (field: string, value: string, file: boolean): string | undefined => {
    if (/^(https?:)?\/\//i.test(value) || /^[a-z][a-z0-9+.-]*:/i.test(value)) {
      if (isSafeUrl(value)) return value;
      bag.error('UnsafeUrl', `The \`${field}\` of \`${entry.key}\` is not an http(s) URL or a site path.`, at(field), 'Only http, https and mailto links and paths inside the site are published.');
      return undefined;
    }
    if (!file) return value.startsWith('/') || value.startsWith('#') ? value : `/${value}`;
    const found = findFile(field, value, folder, files, attachments);
    if (found) return found;
    bag.warn('MissingLinkedFile', `The \`${field}\` of \`${entry.key}\` names "${value}", which is neither in public/ nor beside the .bib file; the link is left out.`, at(field), 'Put the file in public/ or beside the .bib file, or fix its name (names are case-sensitive).');
    return undefined;
  };

  const links = LINKS.flatMap(({ id, label, field, expand, file }) => {
    const value = values[field]?.trim();
    if (!value) return [];
    const url = resolve(field, expand && !/^https?:/i.test(value) ? expand(value) : value, file === true);
    return url ? [{ id, label, url }] : [];
  });
  const preview = fields.preview?.trim() ? resolve('preview', fields.preview.trim(), true) : undefined;
  return { links, attachments, ...(preview ? { preview } : {}) };
}

/** A relative name is looked up in public/ (as given, then al-folio's folders), then beside the .bib file. */
function findFile(field: string, value: string, folder: string, files: SiteFiles, attachments: Attachment[]): string | undefined {
  const name = value.replace(/^\/+/, '');
  const candidates = value.startsWith('/') ? [name] : [name, `${AL_FOLIO_DIRS[field] ?? ''}${name}`];
  const inPublic = candidates.find((c) => files.public.has(c));
  if (inPublic) return `/${inPublic}`;
  const beside = value.startsWith('/') ? undefined : files.besideBib.get(name);
  if (!beside) return undefined;
  const to = `${folder}${name.split('/').pop()}`;
  if (!attachments.some((a) => a.to === to)) attachments.push({ from: beside, to });
  return `/${to}`;
}
