// A worker thread of the citation formatter: formats one style's entries with its own engine.
import { parentPort, workerData } from 'node:worker_threads';
import type { CslItem } from '../../content/bibtex/parse.js';
import { formatEntries, startEngine } from './engine.js';
import type { Citation } from './entry.js';
import { ParsedXml } from './parsed-xml.js';
import type { CitationStyle } from './styles.js';

export interface CitationWorkerInput {
  readonly style: CitationStyle;
  readonly items: readonly CslItem[];
  /** What the formatter's ParsedXml knows: the style and its locale, if parsed before. */
  readonly parsed: Readonly<Record<string, string>>;
}

/** An entry's citation (`null`: the style leaves it out), or why it could not be formatted. */
export type CitationWorkerResult = { readonly citation: Citation | null } | { readonly error: string };

export interface CitationWorkerOutput {
  readonly results: readonly CitationWorkerResult[];
  /** What this thread had to parse, for the formatter to keep. */
  readonly parsed: Readonly<Record<string, string>>;
}

const { style, items, parsed } = workerData as CitationWorkerInput;
const known = ParsedXml.of(parsed);
const engine = await startEngine(style, undefined, known);
const results = formatEntries(engine, style, items).map((result): CitationWorkerResult => (result instanceof Error ? { error: result.message } : { citation: result }));
parentPort!.postMessage({ results, parsed: known.added() } satisfies CitationWorkerOutput);
