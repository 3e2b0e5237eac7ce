import type { CslItem } from '../../content/bibtex/parse.js';

/** One entry as a page shows it and as a reader copies it. */
export interface Citation {
  /** Safe inline HTML: citeproc escapes the item's text; only its own formatting tags remain. */
  readonly html: string;
  /** The same entry as plain text, on one line. */
  readonly text: string;
}

// citeproc has no way to say "and others": BibTeX's `others` would be printed as a name. It goes in
// as a literal name nobody writes, and comes out as "et al." with the "and"/"&" before it dropped.
const OTHERS = '\uE000';
// The style's own "." after the names would make "et al.." (closing tags may stand between them).
const ET_AL = new RegExp(`(?:(,?)\\s+(?:&#38;|and)\\s+)?${OTHERS}((?:</[a-z]+>)*)\\.?`, 'g');

// citation-js keeps biblatex's type keys as the genre (`phdthesis`), which styles print as is
// ("Phdthesis"); these are the words plugin-bibtex itself has for them (its TYPE_KEYS).
const GENRES: Readonly<Record<string, string>> = {
  bathesis: "Bachelor's thesis",
  mathesis: "Master's thesis",
  phdthesis: 'PhD thesis',
  candthesis: 'Candidate thesis',
  techreport: 'technical report',
  resreport: 'research report',
};

/** The item as citeproc should see it. */
export function prepareItem(item: CslItem): CslItem {
  const out: Record<string, unknown> = { ...item };
  for (const [field, value] of Object.entries(item)) {
    if (Array.isArray(value) && value.length > 1 && isOthers(value[value.length - 1])) {
      out[field] = [...value.slice(0, -1), { literal: OTHERS }];
    }
  }
  if (typeof item.genre === 'string' && Object.hasOwn(GENRES, item.genre)) out.genre = GENRES[item.genre];
  return out as CslItem;
}

function isOthers(name: unknown): boolean {
  if (typeof name !== 'object' || name === null) return false;
  const { family, given, literal } = name as Record<string, unknown>;
  return (family === 'others' && !given) || literal === 'others';
}

/** Turns one raw bibliography entry of citeproc's HTML output into the citation a page shows. */
export function finishEntry(raw: string): Citation {
  let html = raw.trim().replace(/^<div class="csl-entry">([\s\S]*)<\/div>$/, '$1').trim();
  // A numeric style puts the number in its own column (`second-field-align`); alone on a paper's
  // page the number means nothing, so only the entry is kept.
  html = html.replace(/^<div class="csl-left-margin">[\s\S]*?<\/div><div class="csl-right-inline">([\s\S]*)<\/div>$/, '$1').trim();
  html = html.replace(ET_AL, (_, comma: string | undefined, close: string) => `${comma === undefined ? '' : `${comma} `}et al.${close}`);
  return { html, text: toText(html) };
}

const ENTITIES: Readonly<Record<string, string>> = { '&#38;': '&', '&#60;': '<', '&#62;': '>' };
const DIGITS: Readonly<Record<string, string>> = { sup: '⁰¹²³⁴⁵⁶⁷⁸⁹', sub: '₀₁₂₃₄₅₆₇₈₉' };

/** citeproc's HTML escapes only `&`, `<` and `>`, as numeric references. */
function toText(html: string): string {
  return html
    // citeproc turns "m²" into m<sup>2</sup>; the plain text keeps such numbers raised or lowered.
    .replace(/<(sup|sub)>(\d+)<\/\1>/g, (_, tag: string, n: string) => [...n].map((d) => DIGITS[tag]![Number(d)]).join(''))
    .replace(/<[^>]*>/g, '')
    .replace(/&#(?:38|60|62);/g, (entity) => ENTITIES[entity]!)
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}
