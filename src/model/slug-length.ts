import { createHash } from 'node:crypto';

/** File systems refuse names over 255 bytes; a folder name stays well below, leaving room for `.bib`. */
const MAX_BYTES = 100;

/**
 * `slug` if it is short enough to be a folder name; otherwise its beginning and a hash of the
 * whole, so two long keywords that start alike still get folders of their own.
 */
export function fitSlug(slug: string): string {
  if (Buffer.byteLength(slug) <= MAX_BYTES) return slug;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, 8);
  let start = '';
  for (const char of slug) {
    if (Buffer.byteLength(start + char) > MAX_BYTES - hash.length - 1) break;
    start += char;
  }
  return `${start.replace(/-+$/, '')}-${hash}`;
}
