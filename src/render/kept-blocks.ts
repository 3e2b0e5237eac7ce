import type { BuildCache } from '../output/cache.js';
import type { KeptBlocks, ReusedBlock } from './helpers/reuse.js';
import type { PageKeys } from './page-key.js';

const KIND = 'reuse 1';

/**
 * `{{#reuse}}` blocks kept in `cache` between builds: a publication card is the same while its
 * view, the templates, the helpers and `siteWide` (the settings a block may read besides its
 * object) are. An edited entry re-renders the full list, its type and topic pages: with the cards
 * of the other entries kept, that costs joining them, not rendering 1,000 cards (0.2 s).
 */
export function keptBlocks(cache: BuildCache, keys: PageKeys, siteWide: string): KeptBlocks {
  const keyOf = (block: string, value: object) => keys.keyOfValue(value, `${block}\0${siteWide}`);
  return {
    get(block, value) {
      const key = keyOf(block, value);
      const known = key === undefined ? undefined : cache.get(KIND, key);
      if (known === undefined) return undefined;
      try {
        const { pieces, links } = JSON.parse(known) as ReusedBlock;
        if (Array.isArray(pieces) && Array.isArray(links) && pieces.length === links.length + 1) return { pieces, links };
      } catch {
        // Unreadable: made again.
      }
      return undefined;
    },
    set(block, value, made) {
      const key = keyOf(block, value);
      // Written out when the cache is saved: as text for the whole build, 10,000 cards are another 40-75 MB.
      if (key !== undefined) cache.putLater(KIND, key, () => JSON.stringify({ pieces: made.pieces, links: made.links }));
    },
  };
}
