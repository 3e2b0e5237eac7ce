import type { CslName } from '../content/bibtex/parse.js';

/** Contribution marks written after a name, as al-folio does: `Einstein*†, A.` */
const MARKS = /[*†‡§¶#]+/g;

export interface PersonName {
  readonly family: string;
  readonly given: string;
}

/** Splits trailing contribution marks off a name part: `Song*` → `Song` and `*`. */
export function splitMarks(part: string): { text: string; marks: string } {
  const marks = (part.match(MARKS) ?? []).join('');
  return { text: part.replace(MARKS, '').trim(), marks };
}

/** Reads a name written by hand: `Lovelace, Ada`, `Ada Lovelace` or `A. Lovelace`. */
export function parseName(written: string): PersonName {
  const text = written.replace(MARKS, '').trim();
  if (text.includes(',')) {
    const [family, ...rest] = text.split(',');
    return { family: family!.trim(), given: rest.join(' ').trim() };
  }
  const words = text.split(/\s+/);
  // Lower-case particles (von, van der, de la) belong to the family name.
  let split = words.length - 1;
  while (split > 1 && /^[a-z]/.test(words[split - 1]!)) split--;
  return { family: words.slice(split).join(' '), given: words.slice(0, split).join(' ') };
}

/** Lower case, no accents, no punctuation: `Müller-Ström` → `muller strom`. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Given names agree when equal, or when one is initials of the other (`A. M.` ~ `Ada Maria`, `A.` ~ `Ada`). */
function givenCompatible(a: string, b: string): boolean {
  const wa = normaliseName(a).split(' ').filter(Boolean);
  const wb = normaliseName(b).split(' ').filter(Boolean);
  if (wa.length === 0 || wb.length === 0) return true;
  const n = Math.min(wa.length, wb.length);
  for (let i = 0; i < n; i++) {
    const x = wa[i]!;
    const y = wb[i]!;
    if (x === y) continue;
    if ((x.length === 1 || y.length === 1) && x[0] === y[0]) continue;
    return false;
  }
  return true;
}

/** Builds a matcher for one person from the name variants in site.yml. */
export function nameMatcher(variants: readonly string[]): (name: PersonName) => boolean {
  const parsed = variants.map(parseName).map((v) => ({ family: normaliseName(v.family), given: v.given }));
  return (name) => {
    const family = normaliseName(name.family);
    return parsed.some((v) => v.family === family && givenCompatible(v.given, name.given));
  };
}

/** `{\'\i}` decodes to a dotless ı with a combining accent; readers expect í. */
function fixDotlessI(text: string | undefined): string {
  return (text ?? '').replace(/ı(?=\p{M})/gu, 'i').normalize('NFC');
}

/** A CSL name as display text, `Given von Family, Jr.`, and its family/given parts without marks. */
export function cslNameParts(name: CslName): { display: string; family: string; given: string; marks: string } {
  if (name.literal) {
    const { text, marks } = splitMarks(fixDotlessI(name.literal));
    return { display: text, family: text, given: '', marks };
  }
  const family = splitMarks(fixDotlessI(name.family));
  const given = splitMarks(fixDotlessI(name.given));
  const particle = [name['dropping-particle'], name['non-dropping-particle']].filter(Boolean).join(' ');
  const display = [given.text, particle, family.text].filter(Boolean).join(' ') + (name.suffix ? `, ${name.suffix}` : '');
  return {
    display,
    family: [particle, family.text].filter(Boolean).join(' '),
    given: given.text,
    marks: family.marks + given.marks,
  };
}
