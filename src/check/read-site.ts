import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFiles } from './check-site.js';

/** Reads a built site from `dir`: every file's path, and the text of the HTML pages. */
export async function readSite(dir: string): Promise<SiteFiles> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  const htmlPaths = paths.filter((p) => p.endsWith('.html'));
  const pages = await Promise.all(htmlPaths.map(async (p) => ({ path: p, html: await readFile(path.join(dir, p), 'utf8') })));
  return { paths, pages };
}
