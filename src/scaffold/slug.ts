/** Words too common to tell two titles apart, left out of BibTeX keys. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'by', 'do', 'does', 'for', 'from', 'how', 'in', 'is', 'of', 'on', 'or', 'the', 'to', 'toward', 'towards', 'via', 'what', 'when', 'why', 'with']);

/** The longest slug made from a title; a file name past this is hard to read in a file list. */
const MAX_SLUG_LENGTH = 60;

/** A title's words in lower-case ASCII, accents dropped: `Kovačević's Über-Theorem` → kovacevic, s, uber, theorem. */
function wordsOf(title: string): string[] {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * A file name from a title: `Does SGD Really Happen in Tiny Subspaces?` → `does-sgd-really-happen-in-tiny-subspaces`.
 * Only a–z, 0–9 and `-`, as the loaders turn anything else into `-` in the page's URL anyway;
 * cut at a word boundary after 60 characters. Empty when the title has no Latin letter or digit.
 */
export function slugOfTitle(title: string): string {
  let slug = '';
  for (const word of wordsOf(title)) {
    const longer = slug ? `${slug}-${word}` : word;
    if (slug && longer.length > MAX_SLUG_LENGTH) break;
    slug = longer;
  }
  return slug.slice(0, MAX_SLUG_LENGTH);
}

/**
 * A BibTeX key from a title and year: the first three words that say something, then the year,
 * `Does SGD Really Happen in Tiny Subspaces?` + 2025 → `sgd-really-happen-2025`. The key is also the
 * paper's URL (`/publications/<key>/`), hence lower case and hyphens.
 */
export function bibKeyOf(title: string, year: string): string {
  const words = wordsOf(title);
  const telling = words.filter((w) => !STOP_WORDS.has(w));
  const chosen = (telling.length > 0 ? telling : words).slice(0, 3);
  return [...chosen, year].join('-');
}
