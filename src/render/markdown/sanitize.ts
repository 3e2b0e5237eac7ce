import { html } from 'property-information';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * The trust decision for markdown bodies: they are the author's own, so every element and attribute
 * stays, except `<script>` (dropped with its content), `on*` event attributes, URLs with schemes
 * other than http(s) and mailto, and HTML comments (never published).
 */
export const authorHtmlSchema: SanitizeSchema = {
  tagNames: null,
  strip: ['script'],
  attributes: {
    '*': [...Object.keys(html.property).filter((name) => !/^on[A-Z]/.test(name)), 'data*'],
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
