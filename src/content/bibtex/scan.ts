import { ContentError } from '../../errors.js';

/** One `@type{…}` block BibTeX reads (an entry, `@string` or `@preamble`) as written in the file. */
export interface ScannedBlock {
  readonly type: string;
  /** The block exactly as written, from `@` to its closing brace. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/** One `@type{key, …}` entry as written in the file. */
export interface ScannedEntry extends ScannedBlock {
  readonly key: string;
}

/** What the scanner found: the entries, and the text with everything BibTeX ignores blanked out. */
export interface ScannedFile {
  readonly entries: ScannedEntry[];
  /** The entries, `@string`s and `@preamble`s, in file order: to find the one citation-js cannot read. */
  readonly blocks: ScannedBlock[];
  /**
   * The file with comments, stray text and `@comment{…}` blocks turned into spaces (newlines kept,
   * so offsets and lines still match): citation-js would otherwise read an entry inside
   * `@comment{…}` or trip over an `@` in stray text.
   */
  readonly bibtex: string;
}

/**
 * Finds the entries of a BibTeX file with their positions and original text, which citation-js
 * does not give. `@string`, `@preamble` and `@comment` are skipped, as is any text between entries
 * (BibTeX's own rule). An unclosed brace is reported at the entry it starts in.
 */
export function scanBibtex(text: string, file: string): ScannedEntry[] {
  return scanBibtexFile(text, file).entries;
}

export function scanBibtexFile(text: string, file: string): ScannedFile {
  const entries: ScannedEntry[] = [];
  const blocks: ScannedBlock[] = [];
  const kept: [number, number][] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };

  const header = /^\s*---\n[\s\S]*?\n---\n/.exec(text);
  let i = header ? header[0].length : 0;
  while ((i = text.indexOf('@', i)) !== -1) {
    const head = /^@\s*([a-zA-Z]+)\s*([{(])/.exec(text.slice(i, i + 64));
    if (!head) {
      i++;
      continue;
    }
    const type = head[1]!.toLowerCase();
    const open = i + head[0].length - 1;
    if (type === 'comment') {
      // `@comment{…}` hides whole entries; skip to its balanced end (or the end of the line).
      const end = matchingClose(text, open, false);
      i = end === -1 ? open + 1 : end + 1;
      continue;
    }
    const end = matchingClose(text, open);
    if (end === -1) {
      throw new ContentError({
        code: 'BibSyntax',
        severity: 'error',
        message: `The ${head[2]} that opens this @${type} entry is never closed.`,
        file,
        ...position(open),
        hint: 'Count the braces in this entry: every { needs a matching }. A field value with an unbalanced brace often causes this.',
      });
    }
    kept.push([i, end + 1]);
    blocks.push({ type, text: text.slice(i, end + 1), ...position(i) });
    if (type !== 'string' && type !== 'preamble') {
      const key = /^\s*([^,\s}]+)\s*,/.exec(text.slice(open + 1, end))?.[1];
      if (!key) {
        throw new ContentError({ code: 'BibSyntax', severity: 'error', message: `This @${type} entry has no citation key.`, file, ...position(i), hint: 'Write the key right after the brace: @article{lovelace1843, …}.' });
      }
      entries.push({ type, key, text: text.slice(i, end + 1), ...position(i) });
    }
    i = end + 1;
  }
  let bibtex = '';
  let last = 0;
  for (const [from, to] of kept) {
    bibtex += text.slice(last, from).replace(/[^\n]/g, ' ') + text.slice(from, to);
    last = to;
  }
  bibtex += text.slice(last).replace(/[^\n]/g, ' ');
  return { entries, blocks, bibtex };
}

/**
 * Offset of the bracket closing the one at `open` (braces nest; quotes do not hide braces in BibTeX).
 * With `guess`, an entry starting at the beginning of a line inside an unclosed one ends the search:
 * the brace was never closed. A `@comment{…}` may well hold entries, so it does not guess.
 */
function matchingClose(text: string, open: number, guess = true): number {
  const closer = text[open] === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (depth === 0 && closer === '}' && c === '}') return i;
    if (depth === 0 && closer === ')' && c === ')') return i;
    if (guess && c === '\n' && depth > 0 && text[i + 1] === '@' && /^@\s*[a-zA-Z]+\s*[{(]/.test(text.slice(i + 1, i + 40))) return -1;
  }
  return -1;
}
