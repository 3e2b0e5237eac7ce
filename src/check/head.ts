import type { Diagnostic } from '../errors.js';
import type { ParsedPage } from './parse.js';
import { problem } from './problem.js';

/**
 * A page needs a `<title>` (tabs, bookmarks, search results) and, unless it asks search engines not
 * to index it, a meta description (their snippet). Redirect pages and 404.html carry `noindex`.
 */
export function checkHead(page: ParsedPage): Diagnostic[] {
  const found: Diagnostic[] = [];
  // The parser always makes a <head>, implied if need be; problems of the head are reported there.
  const head = page.elements.find((e) => e.tag === 'head') ?? { line: 1, column: 1 };
  const title = page.elements.find((e) => e.tag === 'title' && e.namespace === 'html');
  if (!page.title) {
    found.push(problem('MissingTitle', page.path, title ?? head, title ? 'The page\'s <title> is empty.' : 'The page has no <title>.', 'Give the page a `title:` in its front matter, and keep `<title>` in the base layout.'));
  }
  const meta = (name: string) => page.elements.find((e) => e.tag === 'meta' && e.attrs.get('name')?.toLowerCase() === name);
  const noindex = /\bnoindex\b/i.test(meta('robots')?.attrs.get('content') ?? '');
  const description = meta('description');
  if (!noindex && !description?.attrs.get('content')?.trim()) {
    found.push(problem('MissingDescription', page.path, description ?? head, description ? 'The page\'s meta description is empty.' : 'The page has no <meta name="description">.', 'Add `description:` to content/site.yml (every page uses it) or to the page\'s front matter.'));
  }
  return found;
}
