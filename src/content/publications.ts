import path from 'node:path';
import { collect, type DiagnosticBag } from '../errors.js';
import { listFiles, readText } from './files.js';
import { parseBibtex, type BibEntry } from './bibtex/parse.js';

/**
 * Reads every `publications/*.bib` in file-name order. A key used twice is a warning naming both
 * places, and the first entry wins, as in BibTeX.
 */
export async function loadPublications(contentDir: string, bag: DiagnosticBag): Promise<BibEntry[]> {
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
        return await parseBibtex(text, file);
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
