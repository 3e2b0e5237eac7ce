import type { Element, ElementContent, Root } from 'hast';
import { htmlTagNames } from 'html-tag-names';
import { html, svg } from 'property-information';
import { svgTagNames } from 'svg-tag-names';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';

/**
 * Dropped with their content. `<noscript>` too: parse5 reads its content as markup, a browser with
 * scripting on as text, so an attribute value holding `</noscript>` becomes live markup there; and
 * with scripts removed it stands in for nothing.
 */
const STRIPPED = ['script', 'noscript'];

/** `srcdoc` is a whole page; `http-equiv` makes a meta refresh to any URL. */
const DROPPED_ATTRIBUTES = new Set(['srcDoc', 'httpEquiv']);

const WEB = ['http', 'https'];

/**
 * The trust decision for markdown bodies: they are the author's own, so every element and attribute
 * stays, except `<script>` (dropped with its content), `on*` event attributes, `srcdoc` and
 * `http-equiv`, URLs with schemes other than http(s) and mailto, and HTML comments (never published).
 */
export const authorHtmlSchema: SanitizeSchema = {
  tagNames: [...new Set([...htmlTagNames, ...svgTagNames])].filter((name) => !STRIPPED.includes(name)),
  strip: STRIPPED,
  attributes: {
    '*': [
      ...[...new Set([...Object.keys(html.property), ...Object.keys(svg.property)])].filter((name) => !/^on[A-Z]/.test(name) && !DROPPED_ATTRIBUTES.has(name) && name !== 'attributeName'),
      'data*',
      // SVG animation may set any attribute but a link: `<set attributeName="href" to="javascript:…">`.
      ['attributeName', /^(?![\s\S]*href)/i],
    ],
  },
  // By hast property name: every attribute holding a URL that a browser follows or loads.
  protocols: {
    href: [...WEB, 'mailto'],
    xLinkHref: [...WEB, 'mailto'],
    src: WEB,
    srcSet: WEB,
    data: WEB,
    cite: WEB,
    action: WEB,
    formAction: WEB,
    poster: WEB,
    background: WEB,
    longDesc: WEB,
  },
  clobber: [],
  allowComments: false,
  allowDoctypes: false,
};

/** Elements HTML reads as text (raw text or RCDATA); `script` and `noscript` are already gone. */
const TEXT_ONLY = new Set(['style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * Runs after rehype-sanitize, for what a schema cannot say (mutation XSS): the HTML written must
 * not turn into other markup when a browser parses it again. In SVG or MathML these elements hold
 * markup, but after a removed `<mtext>` or a nested `<form>` a browser may read them as HTML text,
 * ended by the first `</style>` (or `</title>`…) even inside an attribute value, and what follows
 * is live. So they keep only their text. rehype writes a `<style>`'s text unescaped, so a style
 * whose text holds markup (`<` then a letter, `/` or `!`, which CSS never needs) is dropped, as
 * DOMPurify does: in SVG, `<svg><style>&lt;img onerror…` would be an image.
 */
export function rehypeTextOnlyElements() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!TEXT_ONLY.has(node.tagName)) return;
      const text = textOf(node.children);
      if (node.tagName === 'style' && /<[/\w!]/.test(text) && parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      if (node.children.some((child) => child.type !== 'text')) node.children = text ? [{ type: 'text', value: text }] : [];
      return undefined;
    });
  };
}

function textOf(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node.children) : '')).join('');
}
