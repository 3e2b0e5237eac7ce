// citation-js ships no types; these cover the little of its plugin API Folio calls.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(data: unknown, options: { target: string; generateGraph?: boolean }): unknown;
    };
  };
  export class Cite {
    constructor(data: unknown, options?: unknown);
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
