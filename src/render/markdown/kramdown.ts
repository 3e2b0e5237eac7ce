import type { Paragraph, Parent, Root, Text } from 'mdast';
import { htmlFlow } from 'micromark-core-commonmark';
import type { Construct } from 'micromark-util-types';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/**
 * kramdown (Jekyll's markdown) compatibility, so academicpages pages render as they do on Jekyll.
 *
 * CommonMark starts an HTML *block* at any line opening with a tag, so in the academicpages pattern
 * `- <a href="…">\n**Title**\n</a> \\` the bold shows as `**`, the list breaks and `\\` stays
 * literal. kramdown treats span-level tags (`<a>`, `<span>`, `<font>`…) as inline. This wraps
 * micromark's HTML-block construct so a block whose first tag is span-level is refused, and the
 * line is read as a paragraph with inline HTML instead.
 */
export function remarkKramdownInlineHtml(this: Processor) {
  const data = this.data();
  const blockOnlyHtmlFlow: Construct = {
    ...htmlFlow,
    name: 'htmlFlowBlockOnly',
    tokenize(effects, ok, nok) {
      const start = this.now();
      return htmlFlow.tokenize.call(this, effects, (code) => (startsWithPhrasingTag(this.sliceSerialize({ start, end: this.now() })) ? nok(code) : ok(code)), nok);
    },
  };
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { disable: { null: ['htmlFlow'] } }, { flow: { [LESS_THAN]: blockOnlyHtmlFlow } }];
}

const LESS_THAN = 60;

/** kramdown's hard line break: `\\` at the end of a line (CommonMark reads it as an escaped backslash). */
export function remarkKramdownLineBreaks() {
  return (tree: Root) => {
    visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || !node.value.includes('\\')) return;
      const last = index === parent.children.length - 1 && parent.type === 'paragraph';
      const value = last ? node.value.replace(/\\[ \t]*$/, '') : node.value;
      const parts = value.split(/\\[ \t]*\n/);
      if (parts.length === 1 && value === node.value) return;
      const replacement: Paragraph['children'] = [];
      parts.forEach((part, i) => {
        if (i > 0) replacement.push({ type: 'break' });
        if (part) replacement.push({ type: 'text', value: part });
      });
      parent.children.splice(index, 1, ...(replacement as Parent['children']));
      return [SKIP, index + replacement.length];
    });
  };
}

const PHRASING = new Set(
  'a abbr b bdi bdo br cite code data del dfn em font i img ins kbd mark q s samp small span strong sub sup time u var'.split(' '),
);

function startsWithPhrasingTag(html: string): boolean {
  const tag = /^<([a-z][a-z0-9]*)[\s>/]/i.exec(html.trimStart());
  return tag !== null && PHRASING.has(tag[1]!.toLowerCase());
}

/**
 * kramdown parses span HTML as elements, so emphasis never crosses a tag: in
 * `<sup>*</sup>, Jang<sup>*</sup>` both stars are literal. CommonMark pairs them across the tags;
 * this turns such emphasis (its inline HTML unbalanced) back into the literal markers.
 */
export function remarkKramdownEmphasis() {
  return (tree: Root, file: { value: unknown }) => {
    const source = String(file.value);
    visit(tree, (node, index, parent: Parent | undefined) => {
      if ((node.type !== 'emphasis' && node.type !== 'strong') || !parent || index === undefined) return;
      const children = (node as Parent).children;
      if (!children.some((c) => c.type === 'html') || htmlBalanced(children)) return;
      const offset = node.position?.start.offset;
      const char = offset !== undefined && source[offset] === '_' ? '_' : '*';
      const marker = node.type === 'strong' ? char + char : char;
      const replacement = [{ type: 'text', value: marker }, ...children, { type: 'text', value: marker }] as Parent['children'];
      parent.children.splice(index, 1, ...replacement);
      return index;
    });
  };
}

const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'source', 'meta', 'link']);

function htmlBalanced(children: readonly { type: string; value?: string }[]): boolean {
  const open: string[] = [];
  for (const child of children) {
    if (child.type !== 'html' || !child.value) continue;
    const tag = /^<(\/?)([a-z][a-z0-9]*)/i.exec(child.value);
    if (!tag || VOID.has(tag[2]!.toLowerCase()) || child.value.endsWith('/>')) continue;
    if (!tag[1]) open.push(tag[2]!.toLowerCase());
    else if (open.pop() !== tag[2]!.toLowerCase()) return false;
  }
  return open.length === 0;
}
