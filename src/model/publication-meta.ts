import { htmlToText, latexToHtml } from '../content/bibtex/latex.js';
import type { BibEntry } from '../content/bibtex/parse.js';

/** The bibliographic facts of an entry as plain text: for Google Scholar's meta tags and JSON-LD. */
export interface CitationMeta {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** `YYYY/M/D`, `YYYY/M` or `YYYY`, as Google Scholar asks. */
  readonly date?: string;
  readonly journal?: string;
  readonly conference?: string;
  /** The school of a thesis. */
  readonly dissertationInstitution?: string;
  /** The institution of a technical report. */
  readonly reportInstitution?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly firstPage?: string;
  readonly lastPage?: string;
  readonly doi?: string;
  readonly arxivId?: string;
  readonly publisher?: string;
  readonly isbn?: string;
}

export function citationMeta({ type, fields, csl }: BibEntry): CitationMeta {
  const text = (field: string) => (fields[field]?.trim() ? htmlToText(latexToHtml(fields[field]!, field)) : undefined);
  const dateParts = csl.issued?.['date-parts']?.[0];
  const year = toNumber(dateParts?.[0]) ?? toNumber(fields.year);
  const month = toNumber(dateParts?.[1]);
  const day = toNumber(dateParts?.[2]);
  const [firstPage, lastPage] = (fields.pages ?? '').split(/\s*[-–—]+\s*/).map((p) => p.trim());
  const arxivId = fields.arxiv?.trim() ?? (/arxiv/i.test(fields.archiveprefix ?? fields.eprinttype ?? '') ? fields.eprint?.trim() : undefined);
  const thesis = type === 'phdthesis' || type === 'mastersthesis' || type === 'thesis';
  const meta: Record<string, string | number | undefined> = {
    year,
    month,
    day,
    date: year === undefined ? undefined : [year, month, month ? day : undefined].filter((p) => p !== undefined).join('/'),
    journal: type === 'article' ? (text('journal') ?? text('journaltitle')) : undefined,
    conference: ['inproceedings', 'conference', 'proceedings'].includes(type) ? text('booktitle') : undefined,
    dissertationInstitution: thesis ? (text('school') ?? text('institution')) : undefined,
    reportInstitution: type === 'techreport' || type === 'report' ? (text('institution') ?? text('school')) : undefined,
    volume: fields.volume?.trim(),
    issue: (fields.number ?? fields.issue)?.trim(),
    firstPage: firstPage || undefined,
    lastPage: lastPage || undefined,
    doi: fields.doi?.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:)/i, ''),
    arxivId: arxivId?.replace(/^arxiv:/i, ''),
    publisher: text('publisher'),
    isbn: fields.isbn?.trim(),
  };
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined && v !== '')) as CitationMeta;
}

function toNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  return Number.isFinite(n) ? n : undefined;
}
