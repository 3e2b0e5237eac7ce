import { htmlTagNames } from 'html-tag-names';
import { html, svg } from 'property-information';
import { svgTagNames } from 'svg-tag-names';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * The trust decision for markdown bodies: they are the author's own, so every element and attribute
 * stays, except `<script>` (dropped with its content), `on*` event attributes, URLs with schemes
 * other than http(s) and mailto, and HTML comments (never published).
 */
export const authorHtmlSchema: SanitizeSchema = {
  tagNames: [...new Set([...htmlTagNames, ...svgTagNames])].filter((name) => name !== 'script'),
  strip: ['script'],
  attributes: {
    '*': [...new Set([...Object.keys(html.property), ...Object.keys(svg.property)])].filter((name) => !/^on[A-Z]/.test(name)).concat('data*'),
  },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    action: ['http', 'https'],
    formAction: ['http', 'https'],
    poster: ['http', 'https'],
  },
  clobber: [],
  allowComments: false,
  allowDoctypes: false,
};
