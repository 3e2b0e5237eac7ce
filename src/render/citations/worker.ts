// A worker thread of the citation formatter: formats one style's entries with its own engine.
import { parentPort, workerData } from 'node:worker_threads';
import type { CslItem } from '../../content/bibtex/parse.js';
import { formatEntries, startEngine } from './engine.js';
import type { Citation } from './entry.js';
import type { CitationStyle } from './styles.js';

export interface CitationWorkerInput {
  readonly style: CitationStyle;
  readonly items: readonly CslItem[];
}

/** An entry's citation (`null`: the style leaves it out), or why it could not be formatted. */
export type CitationWorkerResult = { readonly citation: Citation | null } | { readonly error: string };

const { style, items } = workerData as CitationWorkerInput;
const engine = await startEngine(style);
parentPort!.postMessage(formatEntries(engine, style, items).map((result): CitationWorkerResult => (result instanceof Error ? { error: result.message } : { citation: result })));
