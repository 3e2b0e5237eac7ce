import { hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { CslItem } from '../content/bibtex/parse.js';
import { CitationCache } from './citations/cache.js';
import { formatEntries, startEngine, type Formatted, type StyleEngine } from './citations/engine.js';
import type { Citation } from './citations/entry.js';
import type { CitationWorkerInput, CitationWorkerOutput } from './citations/worker.js';
import { ParsedXml } from './citations/parsed-xml.js';
import { runWorker } from './worker-thread.js';
import { engineVersions, findStyles, type CitationStyle } from './citations/styles.js';

export type { Citation } from './citations/entry.js';

export interface CitationFormatterOptions {
  /** The folder of `.csl` files; `name.csl` is the style `name`. A missing folder has none. */
  readonly stylesDir: string;
  /** Where citations are kept between builds, one JSON file per style. Default: nothing is kept. */
  readonly cacheDir?: string;
  /**
   * Told of an entry citeproc fails on, which is then left out of the map (and formatted again next
   * build). Default: the error is thrown and the whole `format` call fails.
   */
  readonly onError?: (error: Error, item: CslItem, style: string) => void;
  /**
   * From this many entries to format in one call, a worker thread formats them (with its own
   * engine), so that several styles format at once on several cores. Default PARALLEL_FROM.
   */
  readonly parallelFrom?: number;
}

export interface CitationFormatter {
  /**
   * Each item formatted alone as a bibliography entry in `style`, by CSL id. An item the style
   * leaves out of bibliographies (Chicago: a letter the reader cannot look up) is absent from the map.
   */
  format(items: readonly CslItem[], style: string, onError?: CitationFormatterOptions['onError']): Promise<Map<string, Citation>>;
  /** The names of the styles available: plugin-csl's own and those of `stylesDir`, sorted. */
  styles(): Promise<string[]>;
  /** Writes the cache of each style used; call it once, after the last `format`. */
  flush(): Promise<void>;
  /** What the formatter has done so far: engines started, entries formatted, entries taken from the cache. */
  readonly stats: { readonly engines: number; readonly formatted: number; readonly cached: number };
}

/** From this many entries of one style to format, they are formatted in a worker thread (default 100). */
export const PARALLEL_FROM = 100;

/** A style name that is neither built in nor a file of the styles folder. */
export class UnknownCitationStyle extends Error {
  override readonly name = 'UnknownCitationStyle';
  constructor(readonly style: string, readonly available: readonly string[]) {
    super(`There is no citation style \`${style}\`. Available: ${available.join(', ')}.`);
  }
}

/** Creates a formatter that starts one engine per style, the first time an entry is not in the cache. */
export function createCitationFormatter(options: CitationFormatterOptions): CitationFormatter {
  const stats = { engines: 0, formatted: 0, cached: 0 };
  let styles: ReturnType<typeof findStyles> | undefined;
  let versions: string | undefined;
  const perStyle = new Map<string, Promise<{ style: CitationStyle; cache: CitationCache }>>();
  const engines = new Map<string, Promise<StyleEngine>>();
  // Opened when the first engine starts: a build whose citations all come from the cache never reads it.
  let parsedXml: Promise<ParsedXml> | undefined;
  const parsed = () => (parsedXml ??= ParsedXml.open(options.cacheDir, engineVersions()));

  const open = (name: string) => {
    let opened = perStyle.get(name);
    if (!opened) {
      opened = (async () => {
        const load = (await (styles ??= findStyles(options.stylesDir))).get(name);
        if (!load) throw new UnknownCitationStyle(name, [...(await styles).keys()].sort());
        return { style: await load(), cache: await CitationCache.open(options.cacheDir, name) };
      })();
      // A failed lookup is not remembered: the caller may fix the name and ask again.
      opened.catch(() => perStyle.delete(name));
      perStyle.set(name, opened);
    }
    return opened;
  };

  const engineOf = (style: CitationStyle) => {
    let engine = engines.get(style.name);
    if (!engine) {
      engine = parsed().then((known) => startEngine(style, undefined, known)).then((started) => {
        stats.engines += 1;
        return started;
      });
      engines.set(style.name, engine);
    }
    return engine;
  };

  return {
    stats,
    async styles() {
      return [...(await (styles ??= findStyles(options.stylesDir))).keys()].sort();
    },
    async format(items, name, onError = options.onError) {
      const { style, cache } = await open(name);
      versions ??= engineVersions();
      const keys = items.map((item) => cacheKey(style, versions!, item));
      const known = keys.map((key) => cache.get(key));
      const missing = items.filter((_, i) => known[i] === undefined);
      let made = missing.length > 0 && missing.length >= (options.parallelFrom ?? PARALLEL_FROM) ? await formatInWorker(style, missing, await parsed()) : undefined;
      if (made) stats.engines += 1;
      // Few entries, or a worker that died: this thread's engine formats them.
      else if (missing.length > 0) made = formatEntries(await engineOf(style), style, missing);
      const out = new Map<string, Citation>();
      let next = 0;
      for (const [i, item] of items.entries()) {
        let citation = known[i];
        if (citation === undefined) {
          const result = made![next++]!;
          if (result instanceof Error) {
            if (!onError) throw result;
            onError(result, item, name);
            continue;
          }
          citation = result;
          cache.set(keys[i]!, citation);
          stats.formatted += 1;
        } else {
          stats.cached += 1;
        }
        if (citation) out.set(item.id, citation);
      }
      return out;
    },
    async flush() {
      for (const opened of perStyle.values()) await (await opened).cache.flush();
      await (await parsedXml)?.flush();
    },
  };
}

/**
 * Formats `items` in a worker thread with its own engine; undefined if the worker dies. No more
 * workers run at once than the machine has cores: each holds its own citeproc and items (150-250 MB
 * for 10,000 entries), and a third on two cores made the build no faster, only bigger.
 */
async function formatInWorker(style: CitationStyle, items: readonly CslItem[], parsed: ParsedXml): Promise<Formatted[] | undefined> {
  await workerSlots.take();
  try {
    const output = await runWorker<CitationWorkerOutput>(new URL('./citations/worker.js', import.meta.url), { style, items, parsed: parsed.known() } satisfies CitationWorkerInput);
    if (!output) return undefined;
    parsed.take(output.parsed);
    return output.results.map((r) => ('error' in r ? new Error(r.error) : r.citation));
  } finally {
    workerSlots.give();
  }
}

/** A counting semaphore: `take` waits while every slot is taken. */
class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];
  constructor(count: number) {
    this.#free = count;
  }
  async take(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }
  give(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}

const workerSlots = new Slots(Math.max(1, availableParallelism()));

// Bump when prepareItem or finishEntry change what they produce, so cached entries are made again.
const OUTPUT_VERSION = 1;

/** Same style, same engine, same item: same entry. */
function cacheKey(style: CitationStyle, versions: string, item: CslItem): string {
  return hash('sha256', `${OUTPUT_VERSION}\n${versions}\n${style.hash}\n${canonicalJson(item)}`, 'hex');
}

// Every style formats the same item objects: their JSON is made once, not once a style.
const canonical = new WeakMap<CslItem, string>();

/** The item as JSON with object keys sorted, so their order does not matter. */
function canonicalJson(item: CslItem): string {
  let json = canonical.get(item);
  if (json === undefined) {
    json = JSON.stringify(item, (_, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
    );
    canonical.set(item, json);
  }
  return json;
}
