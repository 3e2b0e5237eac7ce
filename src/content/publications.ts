import { createRequire } from 'node:module';
import path from 'node:path';
import { collect, type DiagnosticBag } from '../errors.js';
import type { BuildCache } from '../output/cache.js';
import { sourceFingerprint } from '../source-fingerprint.js';
import { listFiles, readText } from './files.js';
import { parseBibtex, parseBibtexFile, textHashOf, type BibEntry, type ParsedBibtexFile } from './bibtex/parse.js';

/**
 * Reads every `publications/*.bib` in file-name order. A key used twice is a warning naming both
 * places, and the first entry wins, as in BibTeX.
 */
export async function loadPublications(contentDir: string, bag: DiagnosticBag, cache?: BuildCache): Promise<BibEntry[]> {
  const dir = path.join(contentDir, 'publications');
  const files = await listFiles(dir, ['.bib', '.bibtex']);
  const perFile = await Promise.all(
    files.map(async (name) => {
      const file = path.join(dir, name);
      const text = await readText(file).catch((error) => collect(bag, () => { throw error; }));
      if (text === undefined) return [];
      if (text.trim() === '') {
        bag.warn('EmptyFile', 'This BibTeX file is empty.', { file });
        return [];
      }
      try {
        return await parseCached(text, file, cache);
      } catch (error) {
        collect(bag, () => { throw error; });
        return [];
      }
    }),
  );
  const seen = new Map<string, BibEntry>();
  const entries: BibEntry[] = [];
  for (const entry of perFile.flat()) {
    const first = seen.get(entry.key);
    if (first) {
      bag.warn(
        'DuplicateBibKey',
        `The key \`${entry.key}\` is used twice: here and at ${first.file}:${first.line}. The first entry is kept.`,
        { file: entry.file, line: entry.line, column: entry.column },
        'Give each entry its own key, or delete the copy.',
      );
      continue;
    }
    seen.set(entry.key, entry);
    entries.push(entry);
  }
  return entries;
}

// Parsing is the slow part of loading a big .bib file (citation-js: ~0.4 ms an entry); an unchanged
// file's entries come from the cache, kept by its path and the parser's code with the text they
// were read from, and a changed file's unchanged entries too.
const PARSER = sourceFingerprint(import.meta.url, ['bibtex/parse', 'bibtex/scan', 'bibtex/strings', 'bibtex/latex'], `plugin-bibtex ${createRequire(import.meta.url)('@citation-js/plugin-bibtex/package.json').version}`);

async function parseCached(text: string, file: string, cache: BuildCache | undefined): Promise<BibEntry[]> {
  if (!cache) return parseBibtex(text, file);
  // Kept by path, with the hash of the text it was parsed from: a changed file's unchanged entries are reused.
  const known = cache.get(PARSER, file);
  const before = known === undefined ? undefined : parsedFileOf(known);
  if (before?.textHash === textHashOf(text)) return before.entries;
  const { parsed: _, ...after } = await parseBibtexFile(text, file, before);
  cache.put(PARSER, file, JSON.stringify(after));
  return after.entries;
}

/** A parsed file read back from the cache; undefined if it is not one (then the file is parsed whole). */
function parsedFileOf(json: string): ParsedBibtexFile | undefined {
  try {
    const parsed = JSON.parse(json) as Partial<ParsedBibtexFile>;
    if (typeof parsed.textHash === 'string' && typeof parsed.crossref === 'boolean' && typeof parsed.strings === 'string' && Array.isArray(parsed.entries)) return parsed as ParsedBibtexFile;
  } catch {
    // Unreadable: parsed again.
  }
  return undefined;
}
