import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CslItem } from '../../content/bibtex/parse.js';
import { finishEntry, prepareItem, type Citation } from './entry.js';
import type { CitationStyle } from './styles.js';
import { ParsedXml } from './parsed-xml.js';

const require = createRequire(import.meta.url);

/** What formatting an item gives: its citation, `null` (the style leaves it out), or why it failed. */
export type Formatted = Citation | null | Error;

/** A started citeproc engine for one style. */
export interface StyleEngine {
  /**
   * Formats a batch as one bibliography: raw entry HTML by item id, `null` for an item the style
   * leaves out. The engine runs the style reduced to one entry alone (see entryOnly), so each
   * comes out as it would alone, only in less time.
   */
  render(items: readonly CslItem[]): Map<string, string | null>;
}

/** The part of a citeproc engine Folio drives. */
interface CiteprocEngine {
  updateItems(ids: readonly string[], nosort?: boolean): string[];
  setOutputFormat(format: 'html'): void;
  readonly opt: { development_extensions: { wrap_url_and_doi: boolean } };
  /** `false` when the style has no bibliography; `entry_ids` pairs each entry with its item. */
  makeBibliography(): false | [{ readonly entry_ids: readonly (readonly string[])[] }, string[]];
}
interface Citeproc {
  /** citeproc's own XML parser; the engine takes its result, as JSON text, in place of XML. */
  parseXml(xml: string): unknown;
  readonly Engine: new (sys: { retrieveLocale(locale: string): unknown; retrieveItem(id: string): unknown }, style: string, lang: string, forceLang: boolean) => CiteprocEngine;
}

let citeproc: Promise<{ readonly CSL: Citeproc; readonly locales: Readonly<Record<string, unknown>> }> | undefined;

/**
 * citeproc, and the locales plugin-csl ships, loaded on first use only: cached citations never
 * need them. Engines are made here rather than by plugin-csl, which keeps every engine it starts
 * for the life of the process, also one that an entry has broken (see startEngine).
 */
export function loadCiteproc(): Promise<{ readonly CSL: Citeproc; readonly locales: Readonly<Record<string, unknown>> }> {
  citeproc ??= (async () => {
    const plugin = require.resolve('@citation-js/plugin-csl/package.json');
    const CSL = createRequire(plugin)('citeproc') as Citeproc;
    const locales = JSON.parse(await readFile(path.join(path.dirname(plugin), 'lib', 'locales.json'), 'utf8')) as Record<string, unknown>;
    return { CSL, locales };
  })();
  return citeproc;
}

// Engines started without a ParsedXml of their own still parse the locale only once.
const parsedHere = ParsedXml.of();

/**
 * Starts an engine running `xml`: by default, `style` reduced to what a page shows (entryOnly).
 * It is set up as plugin-csl sets up its own: the same locale lookup and output settings. The
 * style and its locale are read through `parsed`, which knows what citeproc's parser made of them.
 */
export async function startEngine(style: CitationStyle, xml = entryOnly(style.xml), parsed = parsedHere): Promise<StyleEngine> {
  const { CSL, locales } = await loadCiteproc();
  // As citeproc reads a text itself: leading space dropped, anything but XML left to citeproc.
  const json = (text: string) => {
    const trimmed = text.replace(/^\s+/, '');
    return trimmed.startsWith('<') ? parsed.jsonOf(trimmed, (x) => CSL.parseXml(x)) : text;
  };
  let items: Readonly<Record<string, CslItem>> = {};
  const system = {
    retrieveLocale: (locale: string) => {
      const text = locales[locale] ?? locales[locale.replace('-', '_')];
      return typeof text === 'string' ? json(text) : (text ?? {});
    },
    retrieveItem: (id: string) => {
      if (Object.hasOwn(items, id)) return items[id];
      throw new Error(`Cannot find entry with id '${id}'`);
    },
  };
  // The locale is fixed so that output does not depend on the machine; English terms also let
  // entry.ts find the "and" before an "et al.".
  const newEngine = () => {
    const engine = new CSL.Engine(system, json(xml), 'en-US', true);
    engine.setOutputFormat('html');
    engine.opt.development_extensions.wrap_url_and_doi = false;
    return engine;
  };
  let engine: CiteprocEngine;
  try {
    engine = newEngine();
  } catch (error) {
    throw new Error(`The citation style ${style.file ?? style.name} is not a CSL style citeproc can read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    render(batch) {
      let bibliography: ReturnType<CiteprocEngine['makeBibliography']>;
      items = Object.fromEntries(batch.map((item) => [item.id, item]));
      try {
        // As plugin-csl does before each use: nothing of the batch before is left registered.
        engine.updateItems([]);
        engine.updateItems(batch.map((item) => item.id), true);
        bibliography = engine.makeBibliography();
      } catch (error) {
        // citeproc stops half-way through the entry and is left unable to format any other
        // ("Cannot read properties of undefined (reading 'push')"): a new engine takes over.
        engine = newEngine();
        throw error;
      } finally {
        items = {};
      }
      if (!bibliography) throw new Error(`The citation style ${style.file ?? style.name} has no bibliography to format entries with.`);
      const [{ entry_ids: ids }, entries] = bibliography;
      const out = new Map<string, string | null>(batch.map((item) => [item.id, null]));
      entries.forEach((entry, i) => out.set(ids[i]![0]!, entry));
      return out;
    },
  };
}

/**
 * The style reduced to what a paper page shows: one bibliography entry, alone.
 * - The citation layout becomes a trivial one (CSL requires one), and the bibliography loses its
 *   sort keys. citeproc builds both into every engine and works out both for every entry, though
 *   no page shows them. bench/citations.ts, 1,000 entries: APA's engine starts in 75 ms instead of
 *   1.4 s, and an entry costs 1.07 ms instead of 2.38 (Chicago 1.60 instead of 2.54, IEEE 0.74
 *   instead of 0.85), batches included.
 * - With them go what makes an entry of one bibliography depend on the others: disambiguation
 *   (`2024a`/`2024b`, added initials or names: options of the citation) and the dash for an author
 *   repeated from the entry before. A batch of entries then comes out as each would alone. Item
 *   numbers (IEEE's `[3]`) still count up through a batch; finishEntry drops them.
 */
export function entryOnly(xml: string): string {
  return xml
    // A comment may name an element (`<!-- <citation> below -->`); it says nothing to citeproc.
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<citation(?=[\s>])[\s\S]*?<\/citation>/, '<citation><layout><text variable="title"/></layout></citation>')
    .replace(/<bibliography(?=[\s>])[\s\S]*?<\/bibliography>/, (bibliography) =>
      bibliography
        .replace(/^<bibliography[^>]*>/, (tag) => tag.replace(/\s(?:subsequent-author-substitute|subsequent-author-substitute-rule)\s*=\s*(?:"[^"]*"|'[^']*')/g, ''))
        .replace(/<sort(?=[\s>])[\s\S]*?<\/sort>/, ''),
    );
}

/** One entry, alone, as a page shows it; `null` when the style leaves it out of bibliographies. */
export function formatEntry(engine: StyleEngine, style: CitationStyle, item: CslItem): Citation | null {
  let raw: string | null | undefined;
  try {
    raw = engine.render([prepareItem(item)]).get(item.id);
  } catch (error) {
    throw cannotFormat(style, item, error);
  }
  return raw ? finishEntry(raw) : null;
}

// citeproc's set-up per bibliography is shared by a batch. bench/citations.ts, 1,000 entries, ms an
// entry alone → in batches of 100: APA 1.24 → 1.07, IEEE 0.84 → 0.74, Chicago 1.69 → 1.60. Much
// larger batches gain nothing more, and one of 10,000 is twice as slow.
const BATCH = 100;

/**
 * Each item formatted as formatEntry formats it, in batches: the citation, `null` (the style
 * leaves the item out), or why it could not be formatted. A batch citeproc fails on is formatted
 * again one item at a time, so that one bad entry costs only its own citation.
 */
export function formatEntries(engine: StyleEngine, style: CitationStyle, items: readonly CslItem[]): Formatted[] {
  const out: Formatted[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    let raws: Map<string, string | null> | undefined;
    try {
      raws = engine.render(batch.map(prepareItem));
    } catch {
      // One of them is the cause: each is tried alone below.
    }
    for (const item of batch) {
      if (!raws) {
        try {
          out.push(formatEntry(engine, style, item));
        } catch (error) {
          out.push(error as Error);
        }
        continue;
      }
      const raw = raws.get(item.id);
      out.push(raw ? finishEntry(raw) : null);
    }
  }
  return out;
}

/** Why `item` could not be formatted in `style`, for the build's warning on its entry. */
function cannotFormat(style: CitationStyle, item: CslItem, error: unknown): Error {
  return new Error(`The entry \`${item.id}\` cannot be formatted in the citation style ${style.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
