import type { CslPluginConfig } from '@citation-js/plugin-csl';
import type { CslItem } from '../../content/bibtex/parse.js';
import { finishEntry, prepareItem, type Citation } from './entry.js';
import type { CitationStyle } from './styles.js';

/** What formatting an item gives: its citation, `null` (the style leaves it out), or why it failed. */
export type Formatted = Citation | null | Error;

/** A started citeproc engine for one style. */
export interface StyleEngine {
  /**
   * Formats a batch as one bibliography: raw entry HTML by item id, `null` for an item the style
   * leaves out. The engine runs the style without what makes the entries of one bibliography
   * affect each other (see batchable), so each comes out as it would alone, only in less time.
   */
  render(items: readonly CslItem[]): Map<string, string | null>;
}

let plugin: Promise<CslPluginConfig> | undefined;

/** plugin-csl (and citeproc with it) is loaded on first use only: cached citations never need it. */
function loadPlugin(): Promise<CslPluginConfig> {
  plugin ??= import('@citation-js/core').then(async (core) => {
    await import('@citation-js/plugin-csl');
    return core.plugins.config.get('@csl');
  });
  return plugin;
}

/**
 * Starts the engine of `style`. It is registered under a name made of its content hash, because
 * plugin-csl caches engines by style name: two different files named `ieee.csl` (two sites, two
 * tests) must not share one, and the same XML reuses the engine already started in this process.
 */
export async function startEngine(style: CitationStyle): Promise<StyleEngine> {
  const csl = await loadPlugin();
  const registered = `folio-${style.hash}`;
  if (!csl.styles.has(registered)) csl.styles.add(registered, batchable(style.xml));
  // The locale is fixed so that output does not depend on the machine; English terms also let
  // entry.ts find the "and" before an "et al.".
  const engineFor = (items: readonly CslItem[]) => csl.engine(items, registered, 'en-US', 'html');
  try {
    engineFor([]);
  } catch (error) {
    throw new Error(`The citation style ${style.file ?? style.name} is not a CSL style citeproc can read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    render(items) {
      const engine = engineFor(items);
      engine.updateItems(items.map((item) => item.id), true);
      const bibliography = engine.makeBibliography();
      if (!bibliography) throw new Error(`The citation style ${style.file ?? style.name} has no bibliography to format entries with.`);
      const [{ entry_ids: ids }, entries] = bibliography;
      const out = new Map<string, string | null>(items.map((item) => [item.id, null]));
      entries.forEach((entry, i) => out.set(ids[i]![0]!, entry));
      return out;
    },
  };
}

/**
 * The style without what makes one entry of a bibliography depend on the others: disambiguation
 * (`2024a`/`2024b`, added initials or names) and the dash for an author repeated from the entry
 * before. A page shows each entry alone, where none of these happen. Item numbers (IEEE's `[3]`)
 * still count up through a batch; finishEntry drops them.
 */
export function batchable(xml: string): string {
  return xml
    .replace(/<citation(?=[\s/>])[^>]*>/, (tag) => tag.replace(/\s(?:disambiguate-add-givenname|disambiguate-add-names|disambiguate-add-year-suffix|givenname-disambiguation-rule)\s*=\s*(?:"[^"]*"|'[^']*')/g, ''))
    .replace(/<bibliography(?=[\s/>])[^>]*>/, (tag) => tag.replace(/\s(?:subsequent-author-substitute|subsequent-author-substitute-rule)\s*=\s*(?:"[^"]*"|'[^']*')/g, ''));
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
// entry alone → in batches of 100: APA 3.14 → 2.69, IEEE 1.35 → 1.09, Chicago 4.40 → 3.73. Much
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
export function cannotFormat(style: CitationStyle, item: CslItem, error: unknown): Error {
  return new Error(`The entry \`${item.id}\` cannot be formatted in the citation style ${style.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
