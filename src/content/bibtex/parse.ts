import { ContentError } from '../../errors.js';
import { scanBibtexFile, type ScannedEntry } from './scan.js';

/** A CSL-JSON item as citation-js produces it. */
export interface CslItem {
  readonly id: string;
  readonly type: string;
  readonly title?: string;
  readonly author?: readonly CslName[];
  readonly editor?: readonly CslName[];
  readonly issued?: { readonly 'date-parts'?: readonly (readonly (number | string)[])[] };
  readonly 'container-title'?: string;
  readonly publisher?: string;
  readonly [field: string]: unknown;
}

export interface CslName {
  readonly family?: string;
  readonly given?: string;
  readonly literal?: string;
  readonly suffix?: string;
  readonly 'non-dropping-particle'?: string;
  readonly 'dropping-particle'?: string;
}

/** One BibTeX entry: where it was written, its raw fields (none dropped) and its CSL reading. */
export interface BibEntry extends ScannedEntry {
  readonly file: string;
  /** Every field as written (macros expanded), keyed by lower-case field name. */
  readonly fields: Readonly<Record<string, string>>;
  readonly csl: CslItem;
  /** Another entry of the file names this one in its `crossref` (a proceedings volume, say). */
  readonly crossrefParent: boolean;
}

type Citation = typeof import('@citation-js/core');
let citation: Promise<Citation> | undefined;

/** citation-js is loaded on first use only, so a site without publications never pays for it. */
function loadCitation(): Promise<Citation> {
  citation ??= import('@citation-js/core').then(async (core) => {
    await import('@citation-js/plugin-bibtex');
    return core;
  });
  return citation;
}

interface RawEntry {
  readonly type: string;
  readonly label: string;
  readonly properties: Record<string, string | number>;
}

/** Parses one BibTeX file's text; entries come back in file order. */
export async function parseBibtex(text: string, file: string): Promise<BibEntry[]> {
  const { entries: scanned, bibtex } = scanBibtexFile(text, file);
  if (scanned.length === 0) return [];
  const { plugins } = await loadCitation();
  let raw: RawEntry[];
  let csl: CslItem[];
  try {
    raw = inheritCrossrefs(plugins.input.chain(bibtex, { target: '@biblatex/entries+list', generateGraph: false }) as RawEntry[]);
    csl = plugins.input.chain(raw, { target: '@csl/list+object', generateGraph: false }) as CslItem[];
  } catch (error) {
    throw new ContentError({
      code: 'BibSyntax',
      severity: 'error',
      message: `BibTeX could not be read: ${(error as Error).message.split('\n')[0]}`,
      file,
      hint: 'Check the entry near this place for a missing comma, quote or brace.',
    });
  }
  const parents = new Set(raw.flatMap((r) => (r.properties.crossref === undefined ? [] : [String(r.properties.crossref).toLowerCase()])));
  return scanned.map((entry, i) => {
    // citation-js returns entries in file order, like the scanner; fall back to the key if they disagree.
    const rawEntry = raw[i]?.label === entry.key ? raw[i] : raw.find((r) => r.label === entry.key);
    const cslItem = csl[i]?.id === entry.key ? csl[i] : csl.find((c) => c.id === entry.key);
    if (!rawEntry || !cslItem) {
      throw new ContentError({ code: 'BibSyntax', severity: 'error', message: `The entry \`${entry.key}\` could not be read.`, file, line: entry.line, column: entry.column, hint: 'Check its fields for a missing comma, quote or brace.' });
    }
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(rawEntry.properties)) fields[name.toLowerCase()] = String(value);
    return { ...entry, file, fields, csl: cslItem, crossrefParent: parents.has(entry.key.toLowerCase()) };
  });
}

/** Types whose parent's `title` is their `booktitle` (biblatex's inheritance rule). */
const IN_TYPES = new Set(['inproceedings', 'incollection', 'inbook', 'conference']);
const NOT_INHERITED = new Set(['title', 'crossref', 'ids', 'key', 'entryset', 'xref']);

/**
 * Fills each entry's missing fields from the entry its `crossref` names, as BibTeX does (citation-js
 * leaves crossref alone). The parent's title becomes the child's booktitle.
 */
function inheritCrossrefs(raw: RawEntry[]): RawEntry[] {
  const byKey = new Map(raw.map((r) => [r.label.toLowerCase(), r]));
  return raw.map((entry) => {
    const parentKey = entry.properties.crossref;
    const parent = parentKey === undefined ? undefined : byKey.get(String(parentKey).toLowerCase());
    if (!parent) return entry;
    const properties = { ...entry.properties };
    for (const [name, value] of Object.entries(parent.properties)) {
      if (!NOT_INHERITED.has(name) && properties[name] === undefined) properties[name] = value;
    }
    if (IN_TYPES.has(entry.type.toLowerCase()) && properties.booktitle === undefined && parent.properties.title !== undefined) {
      properties.booktitle = parent.properties.title;
    }
    return { ...entry, properties };
  });
}
