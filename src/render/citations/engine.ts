import type { CslPluginConfig } from '@citation-js/plugin-csl';
import type { CslItem } from '../../content/bibtex/parse.js';
import { finishEntry, prepareItem, type Citation } from './entry.js';
import type { CitationStyle } from './styles.js';

/** A started citeproc engine for one style. */
export interface StyleEngine {
  /**
   * Formats a batch as one bibliography: raw entry HTML by item id, `null` for an item the style
   * leaves out. Entries of a batch affect each other (numbers, `2024a`/`2024b`), so the formatter
   * passes one item at a time; larger batches are for measuring.
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
  if (!csl.styles.has(registered)) csl.styles.add(registered, style.xml);
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

/** Why `item` could not be formatted in `style`, for the build's warning on its entry. */
export function cannotFormat(style: CitationStyle, item: CslItem, error: unknown): Error {
  return new Error(`The entry \`${item.id}\` cannot be formatted in the citation style ${style.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
