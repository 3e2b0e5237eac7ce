import fc from 'fast-check';

/** Markup that must never come out live when it arrives through BibTeX or YAML data. */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<img src=x onerror=alert(1)//',
  '</title><script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  '<math><mtext><img src=x onerror=alert(1)></mtext></math>',
  '<!--<script>alert(1)</script>-->',
  '{{site.title}}{{{page.content}}}',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '\u2028\u2029',
  ']]></script>',
];

/** Text that is hard to get right: accents, scripts written right to left, combining marks, emoji. */
const UNICODE = ['Kovačević', 'Zürich', 'Łukasiewicz', '李小龙', 'Ελληνικά', 'עברית', '🙂👩🏽‍🔬', 'e\u0301', 'ﬁ', '\u200b', 'Ǆ', 'İ', '\u202eevil'];

const graphemes = fc.string({ unit: 'grapheme', maxLength: 16 });

/** Any short text: random graphemes, an injection, or awkward Unicode. */
export const text = fc.oneof({ weight: 3, arbitrary: graphemes }, { weight: 2, arbitrary: fc.constantFrom(...INJECTIONS) }, { weight: 1, arbitrary: fc.constantFrom(...UNICODE) });

/** A few `text` pieces, never blank. */
export const phrase = fc.array(text, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')).filter((p) => p.trim() !== '');
