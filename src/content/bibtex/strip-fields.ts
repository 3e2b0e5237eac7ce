/**
 * Fields that only steer the website (al-folio's `filtered_bibtex_keys`, plus Folio's own); they are
 * left out of the BibTeX a visitor copies or downloads.
 */
export const DISPLAY_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'abbr', 'abstract', 'additional_info', 'altmetric', 'annotation', 'arxiv', 'award', 'award_name',
  'bibtex_show', 'blog', 'citations', 'code', 'dimensions', 'google_scholar_id', 'hal', 'html',
  'inspirehep_id', 'pdf', 'poster', 'preview', 'selected', 'slides', 'status', 'supp', 'venue_extra',
  'video', 'website',
]);

/**
 * The entry exactly as written, minus the named fields: every other byte (order, spacing, comments
 * inside values, macros) is kept, unlike a re-export through citation-js, which is lossy.
 */
export function stripFields(entry: string, drop: ReadonlySet<string> = DISPLAY_ONLY_FIELDS): string {
  const open = entry.search(/[{(]/);
  const keyEnd = entry.indexOf(',', open);
  if (open === -1 || keyEnd === -1) return entry;
  let out = entry.slice(0, keyEnd + 1);
  let i = keyEnd + 1;
  const close = entry.length - 1;
  while (i < close) {
    const name = /^\s*([^\s=,{}()]+)\s*=/.exec(entry.slice(i, i + 200));
    if (!name) break;
    const start = i;
    const valueEnd = skipValue(entry, i + name[0].length, close);
    let end = valueEnd;
    if (entry[valueEnd] === ',') end = valueEnd + 1;
    // The last field has no comma: its value ends before the whitespace that precedes the closing brace.
    else while (end > start && /\s/.test(entry[end - 1]!)) end--;
    if (!drop.has(name[1]!.toLowerCase())) out += entry.slice(start, end);
    i = end;
  }
  return out + entry.slice(i);
}

/** Offset just after a field value: braced, quoted or bare parts joined with `#`. */
function skipValue(text: string, i: number, close: number): number {
  while (i < close) {
    const c = text[i]!;
    if (c === '{') {
      let depth = 0;
      for (; i < close; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) break;
      }
      i++;
    } else if (c === '"') {
      let depth = 0;
      for (i++; i < close; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '{') depth++;
        else if (text[i] === '}') depth--;
        else if (text[i] === '"' && depth === 0) break;
      }
      i++;
    } else if (c === ',') {
      return i;
    } else {
      i++;
    }
  }
  return i;
}
