import type { DiagnosticBag, SourceLocation } from '../errors.js';
import type { Publication } from '../model/publication.js';
import { closest } from '../content/suggest.js';
import { UnknownCitationStyle, type CitationFormatter } from './citations.js';
import type { FormattedCitation } from './site.js';

/** What a reader sees above each style's entry; a style of templates/csl/ without one shows its file name. */
const LABELS: Readonly<Record<string, string>> = {
  apa: 'APA',
  ieee: 'IEEE',
  'chicago-author-date': 'Chicago',
  vancouver: 'Vancouver',
  harvard1: 'Harvard',
  mla: 'MLA',
};

export interface PaperCitationOptions {
  readonly styles: readonly string[];
  /** Where `publications.citation_styles` is written, for a style that does not exist. */
  readonly at: SourceLocation;
}

/**
 * Formats every paper in every style of `options.styles`, one formatter (one citeproc engine) per
 * style for the whole build. A style that does not exist is an error on site.yml; an entry citeproc
 * cannot format is a warning on its .bib entry, and its page shows the other styles.
 */
export async function formatPaperCitations(publications: readonly Publication[], formatter: CitationFormatter, bag: DiagnosticBag, options: PaperCitationOptions): Promise<Map<string, FormattedCitation[]>> {
  const out = new Map<string, FormattedCitation[]>(publications.map((p) => [p.key, []]));
  if (publications.length === 0) return out;
  const items = publications.map((p) => p.csl);
  const byKey = new Map(publications.map((p) => [p.key, p]));
  const unformattable = (error: Error, item: { id: string }) => {
    const p = byKey.get(item.id)!;
    bag.warn('CitationFailed', error.message, { file: p.file, line: p.line }, 'The paper\'s page shows its other citation styles. Check the entry\'s names and dates, or report the entry to Folio if it looks right.');
  };
  // All styles at once: a style with many entries to format does so in its own worker thread.
  const results = await Promise.all(options.styles.map((style) => formatter.format(items, style, unformattable).catch((error: unknown) => error)));
  for (const [i, style] of options.styles.entries()) {
    const formatted = results[i];
    if (!(formatted instanceof Map)) {
      if (!(formatted instanceof UnknownCitationStyle)) throw formatted;
      const near = closest(style, formatted.available);
      bag.error('UnknownCitationStyle', formatted.message, options.at, near ? `Did you mean \`${near}\`?` : 'Put the style\'s .csl file in templates/csl/, or remove the name.');
      continue;
    }
    const label = LABELS[style] ?? style;
    for (const p of publications) {
      const citation = formatted.get(p.key);
      if (citation) out.get(p.key)!.push({ style, label, ...citation });
    }
  }
  return out;
}
