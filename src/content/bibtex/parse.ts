import { hash } from 'node:crypto';
import { ContentError } from '../../errors.js';
import { dollarsAsText } from './latex.js';
import { TextMemo } from '../memo.js';
import { scanBibtexFile, type ScannedEntry, type ScannedFile } from './scan.js';
import { stringsUsedBy } from './strings.js';

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
  /** The file's `@string` definitions this entry uses, as written: it needs them to compile alone. */
  readonly strings: readonly string[];
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

/** Parses one BibTeX file's text (`scanned`: its scan, if made already); entries come back in file order. */
export function parseBibtex(text: string, file: string, scanned?: ScannedFile): Promise<BibEntry[]> {
  // `folio serve` rebuilds on every save, and most saves leave the .bib files as they were.
  const key = `${file}\0${text}`;
  // async: a scan that fails rejects the promise, as parsing does.
  const entries = recentFiles.get(key, async () => parseBibtexText(text, file, scanned ?? scanBibtexFile(text, file)));
  // A failure is not kept: the next call reports it again.
  entries.catch(() => recentFiles.forget(key));
  return entries;
}

const recentFiles = new TextMemo<Promise<BibEntry[]>>(32);

/** A parsed .bib file as the build cache keeps it, to parse only the entries of its next version that changed. */
export interface ParsedBibtexFile {
  /**
   * The hash of the text it was read from (see textHashOf): the text itself would be a second copy
   * of every entry's, which the entries keep (7 of the cache's 32 MB for 10,000 entries).
   */
  readonly textHash: string;
  /** Whether the text uses crossref, which ties entries together. */
  readonly crossref: boolean;
  /** Its `@string` definitions, as written and in order. */
  readonly strings: string;
  readonly entries: BibEntry[];
}

// An entry's reading depends on other entries only through crossref (inheritance, crossrefParent).
const CROSSREF = /crossref/i;

/**
 * Parses `text`; with `before`, an earlier version of the same file, an entry whose text has not
 * changed keeps its earlier reading, and only the others go through citation-js (0.4 ms an entry:
 * a title fixed in a 1,000-entry file is read in a few ms, not 0.4 s). That holds while the file's
 * `@string` definitions are the same and come before every entry, and nothing uses crossref;
 * otherwise, or when the changed entries cannot be read on their own, the whole file is parsed, so
 * an error names its place in the file. `parsed` counts the entries read afresh.
 */
export async function parseBibtexFile(text: string, file: string, before?: ParsedBibtexFile): Promise<ParsedBibtexFile & { readonly parsed: number }> {
  const scan = scanBibtexFile(text, file);
  const { entries: scanned, blocks } = scan;
  const definitions = blocks.filter((b) => b.type.toLowerCase() === 'string');
  const strings = definitions.map((b) => b.text).join('\n');
  const [last, first] = [definitions.at(-1), scanned[0]];
  const stringsFirst = !last || !first || last.line < first.line || (last.line === first.line && last.column < first.column);
  const crossref = CROSSREF.test(text);
  if (before && before.strings === strings && stringsFirst && !crossref && !before.crossref) {
    const earlier = new Map(before.entries.map((e) => [e.text, e]));
    const changed = scanned.filter((e) => !earlier.has(e.text));
    const read = await parseBibtex([strings, ...changed.map((e) => e.text)].join('\n'), file).catch(() => undefined);
    if (read && read.length === changed.length && read.every((e, i) => e.key === changed[i]!.key)) {
      const fresh = new Map(changed.map((e, i) => [e, read[i]!]));
      const entries = scanned.map((entry) => {
        const { fields, csl, strings: used } = fresh.get(entry) ?? earlier.get(entry.text)!;
        return { ...entry, file, fields, csl, crossrefParent: false, strings: used };
      });
      return { textHash: textHashOf(text), crossref, strings, entries, parsed: changed.length };
    }
  }
  const entries = await parseBibtex(text, file, scan);
  return { textHash: textHashOf(text), crossref, strings, entries, parsed: entries.length };
}

/** What ParsedBibtexFile keeps of the text it was read from. */
export function textHashOf(text: string): string {
  return hash('sha256', text, 'base64url');
}

async function parseBibtexText(text: string, file: string, { entries: scanned, blocks, bibtex }: ScannedFile): Promise<BibEntry[]> {
  if (scanned.length === 0) return [];
  const { plugins } = await loadCitation();
  const read = (source: string) => plugins.input.chain(source, { target: '@biblatex/entries+list', generateGraph: false }) as RawEntry[];
  const toCsl = (entries: readonly RawEntry[]) => plugins.input.chain(entries, { target: '@csl/list+object', generateGraph: false }) as CslItem[];
  let raw: RawEntry[];
  try {
    raw = inheritCrossrefs(read(bibtex));
  } catch (error) {
    // citation-js's positions are not the file's: find the block where reading stops.
    throw syntaxError(error, file, blocks[firstFailingPrefix(blocks.length, (n) => read(blocks.slice(0, n).map((b) => b.text).join('\n')))]);
  }
  let csl: CslItem[];
  try {
    csl = toCsl(raw);
  } catch {
    // One entry's value stopped the whole file: convert entry by entry, to read the others and name that one.
    csl = raw.flatMap((entry) => {
      try {
        return toCsl([entry]);
      } catch {
        try {
          return toCsl([withDollarsAsText(entry)]);
        } catch (error) {
          throw syntaxError(error, file, scanned.find((e) => e.key === entry.label) ?? scanned[0]);
        }
      }
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
    return { ...entry, file, fields, csl: cslItem, crossrefParent: parents.has(entry.key.toLowerCase()), strings: stringsUsedBy(entry.text, blocks) };
  });
}

/**
 * The index of the item at which reading the first `n` of `count` items starts to fail, found by
 * bisection: reading stops at the first broken block, so every longer prefix fails too.
 */
function firstFailingPrefix(count: number, read: (n: number) => unknown): number {
  let lo = 1;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (throws(() => read(mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function throws(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}

function syntaxError(error: unknown, file: string, at: { line: number; column: number } | undefined): ContentError {
  // The first line of citation-js's message, without its own position (in its tokens, not the file's).
  const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/\s*at line \d+ col \d+:?\s*$/, '');
  return new ContentError({
    code: 'BibSyntax',
    severity: 'error',
    message: `This BibTeX entry cannot be read: ${reason}.`,
    file,
    ...(at ? { line: at.line, column: at.column } : {}),
    hint: 'Check this entry for a missing comma, quote or brace, or a `#` outside a value.',
  });
}

/**
 * `entry` with every `$` escaped. BibTeX reads a `$` as text; citation-js's decoder reads it as the
 * start of math and fails where that math is unclosed (`A prize of 5$`) or crosses a brace
 * (`{$} {$x$}`). The entry's own fields keep their `$`: latexToHtml shows what math it can.
 */
function withDollarsAsText(entry: RawEntry): RawEntry {
  const properties: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(entry.properties)) properties[name] = typeof value === 'string' ? dollarsAsText(value) : value;
  return { ...entry, properties };
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
