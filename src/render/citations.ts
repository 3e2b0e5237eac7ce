import { createHash } from 'node:crypto';
import type { CslItem } from '../content/bibtex/parse.js';
import { CitationCache } from './citations/cache.js';
import { startEngine, type StyleEngine } from './citations/engine.js';
import { finishEntry, prepareItem, type Citation } from './citations/entry.js';
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
      engine = startEngine(style).then((started) => {
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
      const out = new Map<string, Citation>();
      for (const item of items) {
        const key = cacheKey(style, versions, item);
        let citation = cache.get(key);
        if (citation === undefined) {
          const engine = await engineOf(style);
          try {
            citation = formatOne(engine, style, item);
          } catch (error) {
            if (!onError) throw error;
            onError(error as Error, item, name);
            continue;
          }
          cache.set(key, citation);
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
    },
  };
}

function formatOne(engine: StyleEngine, style: CitationStyle, item: CslItem): Citation | null {
  let raw: string | null | undefined;
  try {
    raw = engine.render([prepareItem(item)]).get(item.id);
  } catch (error) {
    throw new Error(`The entry \`${item.id}\` cannot be formatted in the citation style ${style.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return raw ? finishEntry(raw) : null;
}

// Bump when prepareItem or finishEntry change what they produce, so cached entries are made again.
const OUTPUT_VERSION = 1;

/** Same style, same engine, same item: same entry. Object keys are sorted so their order does not matter. */
function cacheKey(style: CitationStyle, versions: string, item: CslItem): string {
  const json = JSON.stringify(item, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))) : value,
  );
  return createHash('sha256').update(`${OUTPUT_VERSION}\n${versions}\n${style.hash}\n${json}`).digest('hex');
}
