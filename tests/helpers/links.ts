import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';

export interface BrokenLink {
  readonly page: string;
  readonly url: string;
  readonly reason: string;
}

/**
 * Resolves every internal href/src of every HTML page as a browser would at `siteUrl` (which
 * carries the base path) and returns those that leave the base path or find no file.
 */
export function brokenLinks(out: string, files: readonly string[], siteUrl: string): BrokenLink[] {
  const base = new URL(siteUrl);
  const broken: BrokenLink[] = [];
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const $ = load(readFileSync(path.join(out, file), 'utf8'));
    // 404.html is served at any depth: resolve it from a deep, missing path.
    const pageUrl = new URL(file === '404.html' ? 'some/deep/missing/page/' : file.replace(/index\.html$/, ''), base);
    $('[href], [src]').each((_, el) => {
      const raw = $(el).attr('href') ?? $(el).attr('src')!;
      if (/^(mailto:|#)/.test(raw) || $(el).is('link[rel="canonical"], meta')) return;
      const target = new URL(raw, pageUrl);
      if (target.origin !== base.origin) return;
      if (!target.pathname.startsWith(base.pathname)) {
        broken.push({ page: file, url: raw, reason: `leaves the base path (${target.pathname})` });
        return;
      }
      const relative = decodeURIComponent(target.pathname.slice(base.pathname.length));
      const onDisk = path.join(out, relative);
      const exists = existsSync(onDisk) && (statSync(onDisk).isFile() || existsSync(path.join(onDisk, 'index.html')));
      if (!exists) broken.push({ page: file, url: raw, reason: `no file at ${relative || '/'}` });
    });
  }
  return broken;
}
