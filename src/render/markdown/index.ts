import type { Element, Root as HastRoot } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { remarkKramdownEmphasis, remarkKramdownInlineHtml, remarkKramdownLineBreaks } from './kramdown.js';
import { authorHtmlSchema, rehypeTextOnlyElements } from './sanitize.js';

/** Turns a path inside the site (`/files/a.pdf`) into the URL to write on the current page. */
export type SiteUrl = (sitePath: string) => string;

export interface MarkdownOptions {
  /** Keep `<script>` and `on*` attributes (default false: see docs/content.md, "Trust"). */
  readonly allowScripts?: boolean;
}

/** Renders markdown bodies to HTML; one renderer (one unified processor) serves a whole build. */
export type MarkdownRenderer = (markdown: string, siteUrl: SiteUrl) => string;

export function createMarkdownRenderer(options: MarkdownOptions = {}): MarkdownRenderer {
  const processor = unified()
    .use(remarkParse)
    // Tables, footnotes, strikethrough and autolinks: kramdown has them, so imported pages use them.
    .use(remarkGfm)
    .use(remarkKramdownInlineHtml)
    .use(remarkKramdownLineBreaks)
    .use(remarkKramdownEmphasis)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawWhenNeeded)
    .use(options.allowScripts ? [] : [[rehypeSanitize, authorHtmlSchema], rehypeTextOnlyElements])
    .use(rehypeSlug)
    .use(rehypeSiteLinks)
    .use(rehypeStringify)
    .freeze();
  return (markdown, siteUrl) => {
    const file = new VFile({ value: markdown, data: { siteUrl } });
    const tree = processor.runSync(processor.parse(file), file);
    return processor.stringify(tree, file);
  };
}

/** rehype-raw re-parses the whole tree; most pages have no raw HTML, so they skip that cost. */
function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: HastRoot, file: VFile) => {
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return false;
    });
    return found ? raw(tree, file) : tree;
  };
}

const URL_ATTRIBUTES = ['href', 'src', 'poster'] as const;

/** Links the author wrote from the site root (`/publications/`) honour the base path. */
function rehypeSiteLinks() {
  return (tree: HastRoot, file: VFile) => {
    const siteUrl = file.data.siteUrl as SiteUrl;
    visit(tree, 'element', (node: Element) => {
      for (const name of URL_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) {
          node.properties[name] = siteUrl(value);
        }
      }
    });
  };
}
