import { createRequire } from 'node:module';
import type { BuildCache } from '../../output/cache.js';
import { sourceFingerprint } from '../../source-fingerprint.js';
import { TextMemo } from '../memo.js';

/** citation-js's LaTeX value decoder: accents, commands and braces to Unicode with light HTML markup. */
type ParseValue = (text: string, field: string) => string;
type RenderMath = (tex: string, display: boolean) => string;

const require = createRequire(import.meta.url);
let parseValue: ParseValue | undefined;
let renderMath: RenderMath | undefined;

/** The only markup citation-js's decoder writes; anything else in a field is text. */
const DECODER_TAGS = /<(\/?)(i|b|sup|sub)>|<span style="font-variant:small-caps;">|<span class="nocase">|<\/span>/g;

const LT = '\uE000';
const GT = '\uE001';
const MATH = /\$\$([\s\S]+?)\$\$|(?<!\\)\$((?:\\\$|[^$])+?)\$/g;
const MATH_SLOT = /\uE002(\d+)\uE003/g;
/** A `$` no backslash escapes (in `\\$` the backslash is the escaped one, so the `$` is not). */
const UNESCAPED_DOLLAR = /(?<!\\)((?:\\\\)*)\$/g;

/** `text` with every `$` escaped, so citation-js's decoder reads it as text, as BibTeX does. */
export function dollarsAsText(text: string): string {
  return text.replace(UNESCAPED_DOLLAR, '$1\\$');
}

/**
 * A BibTeX field as safe HTML: LaTeX accents and commands decoded (citation-js), case braces
 * removed, `<`, `>` and `&` in the text escaped, and math (`$\ell_\infty$`, `A$^3$`) rendered at
 * build time by KaTeX as MathML, which browsers draw natively: no script, stylesheet or font needed.
 * Math is cut out before decoding, so the decoder never touches it.
 */
export function latexToHtml(raw: string, field: string): string {
  const key = `${field}\0${raw}`;
  return converted.get(
    key,
    () => (stored ? stored.through(CONVERTER, key, () => convertLatex(raw, field)) : convertLatex(raw, field)),
    // Remembered by this process (folio serve, a second build): the build's cache still keeps it.
    (html) => stored?.through(CONVERTER, key, () => html),
  );
}

// The same entries come back on every `folio serve` rebuild; KaTeX and the LaTeX decoding are not cheap.
const converted = new TextMemo<string>(16384);

/**
 * Conversions kept on disk between builds: they are most of what modelling 1,000 entries costs
 * (0.3 s). Keyed by the field, its text and the converter's code and libraries.
 */
let stored: BuildCache | undefined;
const CONVERTER = sourceFingerprint(import.meta.url, ['latex'], ['@citation-js/plugin-bibtex', 'katex'].map((name) => `${name} ${(require(`${name}/package.json`) as { version: string }).version}`).join('|'));

/** Makes latexToHtml read and record its conversions in `cache` (a build's own), or stop with undefined. */
export function keepConversionsIn(cache: BuildCache | undefined): void {
  stored = cache;
}

function convertLatex(raw: string, field: string): string {
  parseValue ??= (require('@citation-js/plugin-bibtex/lib/input/value.js') as { parse: ParseValue }).parse;
  const maths: { tex: string; display: boolean }[] = [];
  const protectedText = raw
    .replace(MATH, (_, display: string | undefined, inline: string | undefined) => {
      maths.push({ tex: (display ?? inline)!, display: display !== undefined });
      return `\uE002${maths.length - 1}\uE003`;
    })
    // A `$` left once the math is cut out opens none (`A prize of 5$`); the decoder would fail on it.
    .replace(UNESCAPED_DOLLAR, '$1\\$')
    .replace(/</g, LT)
    .replace(/>/g, GT);
  let decoded: string;
  try {
    decoded = parseValue(protectedText, field);
  } catch {
    // A field the decoder cannot read is shown as written, minus case braces, rather than lost.
    decoded = protectedText.replace(/[{}]/g, '');
  }
  const text = decoded
    // `{\'\i}` decodes to a dotless ı with a combining accent; readers expect í.
    .replace(/ı(?=\p{M})/gu, 'i')
    .normalize('NFC')
    .replace(/&/g, '&amp;')
    .replace(/<(?![/a-z])/g, '&lt;');
  const html = keepDecoderTags(text).replace(new RegExp(LT, 'g'), '&lt;').replace(new RegExp(GT, 'g'), '&gt;');
  if (maths.length === 0) return html;
  renderMath ??= loadKatex();
  return html.replace(MATH_SLOT, (_, i: string) => renderMath!(maths[Number(i)]!.tex, maths[Number(i)]!.display));
}

/** Escapes every `<…>` that is not one of the decoder's own tags. */
function keepDecoderTags(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(DECODER_TAGS)) {
    out += text.slice(last, match.index).replace(/</g, '&lt;').replace(/>/g, '&gt;') + (match[0].includes('nocase') ? '<span>' : match[0]);
    last = match.index + match[0].length;
  }
  return out + text.slice(last).replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function loadKatex(): RenderMath {
  const katex = require('katex') as typeof import('katex');
  return (tex, display) => katex.renderToString(tex, { output: 'mathml', throwOnError: false, displayMode: display, strict: 'ignore' });
}

/** The text of an HTML fragment made by latexToHtml, for meta tags and sorting (math as its TeX). */
export function htmlToText(html: string): string {
  // Most fields are plain text: no tag or entity to take out.
  if (!html.includes('<') && !html.includes('&')) return html.replace(/\s+/g, ' ').trim();
  return html
    .replace(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g, '\uE004$1\uE005')
    .replace(/<math[\s\S]*?\uE004([\s\S]*?)\uE005[\s\S]*?<\/math>/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
