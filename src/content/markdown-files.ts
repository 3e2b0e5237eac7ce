import path from 'node:path';
import { collect, type DiagnosticBag } from '../errors.js';
import { Fields } from './fields.js';
import { listFiles, readText } from './files.js';
import { parseFrontMatter } from './front-matter.js';

/** Reads every markdown file of `content/<folder>/` and hands its front matter and body to `read`. */
export async function loadMarkdownFolder<T>(
  contentDir: string,
  folder: string,
  bag: DiagnosticBag,
  read: (fields: Fields, body: string, relativePath: string) => T | undefined,
): Promise<T[]> {
  const dir = path.join(contentDir, folder);
  const files = await listFiles(dir, ['.md', '.markdown']);
  const items = await Promise.all(
    files.map(async (relativePath) => {
      const file = path.join(dir, relativePath);
      const text = await readText(file).catch((error) => collect(bag, () => { throw error; }));
      if (text === undefined) return undefined;
      if (text.trim() === '') {
        bag.warn('EmptyFile', 'This file is empty and was skipped.', { file });
        return undefined;
      }
      return collect(bag, () => {
        const source = parseFrontMatter(text, file);
        return read(new Fields(source.data, file, bag, source.lineOf), source.body, relativePath);
      });
    }),
  );
  return items.filter((item): item is Awaited<T> & {} => item !== undefined && item !== null) as T[];
}

/** The URL slug of a file: `2025-05-dartmouth.md` → `2025-05-dartmouth`. */
export function slugOf(relativePath: string): string {
  return relativePath
    .replace(/\.(md|markdown)$/, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
