import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { collect, ContentError, type DiagnosticBag } from '../errors.js';

/** Files below `dir` whose names end with one of `extensions`, as sorted paths relative to `dir`; none if `dir` is missing. */
export async function listFiles(dir: string, extensions: readonly string[]): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile() && extensions.some((ext) => e.name.endsWith(ext)))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort(compareCodePoints);
}

/** Files below `dir` that none of the loaders reads, so the build can warn that they were skipped. */
export async function listAllFiles(dir: string): Promise<string[]> {
  return listFiles(dir, ['']);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a content file as text: UTF-8 only, byte-order mark dropped, CRLF and CR turned into LF,
 * so every later line number matches what an editor shows.
 */
export async function readText(file: string): Promise<string> {
  return decodeText(await readFile(file), file);
}

/**
 * Reads a content file the site may leave out (cv.yml, coauthors.yml…): undefined when it is
 * missing, or when it cannot be read, which goes into `bag`.
 */
export async function readOptionalText(file: string, bag: DiagnosticBag): Promise<string | undefined> {
  try {
    return await readText(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return collect(bag, () => { throw error; });
  }
}

/** The pure half of readText, for tests. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.includes(0)) {
    throw new ContentError({
      code: 'BinaryFile',
      severity: 'error',
      message: 'This file is binary, not text.',
      file,
      hint: 'Move images, PDFs and other uploads to public/; content/ holds only markdown, YAML and BibTeX.',
    });
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const before = Buffer.from(bytes.subarray(0, offset)).toString('latin1');
    const line = before.split('\n').length;
    throw new ContentError({
      code: 'InvalidEncoding',
      severity: 'error',
      message: 'This file is not valid UTF-8.',
      file,
      line,
      column: offset - before.lastIndexOf('\n'),
      hint: 'Save it as UTF-8 in your editor (often "Save with encoding" or "Reopen with encoding").',
    });
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Offset of the first byte that is not valid UTF-8 (a streaming decoder does not fail on a sequence cut by the prefix end). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // A sequence cut short fails only at the byte after it; point at its lead byte instead.
  for (let back = 1; back <= 3 && lo - back >= 0; back++) {
    const byte = bytes[lo - back]!;
    if (byte >= 0xc0) return lo - back;
    if ((byte & 0xc0) !== 0x80) break;
  }
  return lo;
}

/** Sorts by code point, not locale, so the order never depends on the machine's settings. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
