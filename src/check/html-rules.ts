import type { ConfigData } from 'html-validate';

/**
 * How `folio check` runs html-validate: the recommended preset, changed only where a rule is wrong
 * for a generated academic homepage. Keep this list short, and say why for each line.
 */
export const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  elements: [
    'html5',
    // academicpages pages write footnotes as <font size="2"> inside <p>; Folio keeps that markdown working
    // unchanged, and every browser renders it. It is obsolete, not broken, so it is text content here.
    { font: { flow: true, phrasing: true, permittedContent: ['@phrasing'] } },
  ],
  rules: {
    // Reported by Folio's own checks with their own codes (ids.ts, images.ts, head.ts), so not twice.
    'no-dup-id': 'off',
    'wcag/h37': 'off',
    'empty-title': 'off',
    // Paper and talk titles are long, and a page's title is "talk title · site title"; the limit is SEO advice.
    'long-title': 'off',
    // Template tags leave spaces at the ends of generated lines: invisible, and not in any file the user edits.
    'no-trailing-whitespace': 'off',
    // HTML5 allows an id to start with a digit; heading ids come from their text ("1. Sharpness" is #1-sharpness).
    'valid-id': ['error', { relaxed: true }],
    // ARIA 1.2 lets a list have a name; the theme names its list of profile links for screen readers.
    'aria-label-misuse': ['error', { allowAnyNamable: true }],
    // See `font` above.
    deprecated: ['error', { exclude: ['font'] }],
  },
};

/** element-required-content also reports a <head> without <title>, which head.ts reports as MissingTitle. */
export function coveredElsewhere(message: { readonly ruleId: string; readonly context?: unknown }): boolean {
  return message.ruleId === 'element-required-content' && (message.context as { missing?: string } | undefined)?.missing === '<title>';
}
