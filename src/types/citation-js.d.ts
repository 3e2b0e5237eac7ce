// citation-js ships no types; these cover the little of its plugin API Folio calls.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(data: unknown, options: { target: string; generateGraph?: boolean }): unknown;
    };
    config: {
      get(name: '@csl'): import('@citation-js/plugin-csl').CslPluginConfig;
      get(name: string): any;
    };
  };
  export class Cite {
    constructor(data: unknown, options?: unknown);
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
// Importing plugin-csl registers it with core; its configuration is reached through `plugins.config.get('@csl')`.
declare module '@citation-js/plugin-csl' {
  export interface CslRegister {
    has(name: string): boolean;
    get(name: string): string | undefined;
    add(name: string, value: string): unknown;
  }
  /** The part of a citeproc-js engine Folio drives. */
  export interface CiteprocEngine {
    updateItems(ids: readonly string[], nosort?: boolean): string[];
    /** `false` when the style has no bibliography; `entry_ids` pairs each entry with its item. */
    makeBibliography(): false | [{ readonly entry_ids: readonly (readonly string[])[] }, string[]];
  }
  export interface CslPluginConfig {
    /** plugin-csl 0.8 calls this register `styles` (older releases: `templates`). */
    readonly styles: CslRegister;
    readonly locales: CslRegister;
    /** Returns the cached engine of a style and locale, reset to read `items`. */
    engine(items: readonly object[], style: string, locale: string, format: 'html' | 'text' | 'rtf'): CiteprocEngine;
  }
}
