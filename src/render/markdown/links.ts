import type { Html, Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { remarkKramdownInlineHtml } from './kramdown.js';

/** A URL a markdown body links to or loads, and where it is written in the body (1-based). */
export interface BodyLink {
  readonly url: string;
  readonly line: number;
  readonly column: number;
}

// The renderer's own reading of markdown (GFM, kramdown's inline HTML), so the links are the ones it renders.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkKramdownInlineHtml).freeze();

/** Attributes of raw HTML that hold a URL of the site a page links to or loads. */
const HTML_URL = /\b(?:href|src|data|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/**
 * Every URL `markdown` links to or loads: links, images and reference definitions, and the
 * `href`/`src`/`data`/`poster` attributes of its raw HTML, each with its position in `markdown`.
 */
export function linksOf(markdown: string): BodyLink[] {
  const links: BodyLink[] = [];
  visit(parser.parse(markdown), (node: Nodes) => {
    const start = node.position?.start;
    if (!start) return;
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') links.push({ url: node.url, line: start.line, column: start.column });
    else if (node.type === 'html') links.push(...htmlLinks(node, start));
  });
  return links;
}

function htmlLinks(node: Html, start: { line: number; column: number }): BodyLink[] {
  return [...node.value.matchAll(HTML_URL)].map((match) => {
    const before = node.value.slice(0, match.index).split('\n');
    const line = start.line + before.length - 1;
    const column = before.length === 1 ? start.column + match.index : before[before.length - 1]!.length + 1;
    return { url: decodeEntities(match[1] ?? match[2] ?? match[3]!), line, column };
  });
}

/** The character references a URL in an attribute is likely to hold; the rest are left as written. */
function decodeEntities(value: string): string {
  return value.replace(/&(amp|quot|apos|#39|#x27);/gi, (_, name: string) => ({ amp: '&', quot: '"' } as Record<string, string>)[name.toLowerCase()] ?? "'");
}
