import fc from 'fast-check';
import { phrase } from './text.js';

/** Ways markdown (author's own) could smuggle script past the default `allow_scripts: false`. */
export const MARKDOWN_XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<details open ontoggle=alert(1)>x</details>',
  '<video><source onerror=alert(1)></video>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '- item\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<template><script>alert(1)</script></template>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<!--><script>alert(1)</script>-->',
  '<a href="x" onclick="alert(1)">x</a>',
  '<scr<script>ipt>alert(1)</script>',
  // Found while fixing the ones above: SVG styles hold markup, a removed <mtext> or nested <form> turns MathML into HTML.
  '<svg><style>&lt;img src=x onerror=alert(1)&gt;</style></svg>',
  '<svg><desc><style>&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;</style></desc></svg>',
  '<math><style><a title="</style><img src=x onerror=alert(1)>"></a></style></math>',
  '<math><mtext><xmp><a title="</xmp><img src=x onerror=alert(1)>"></a></xmp></mtext></math>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
  '<svg><a><set attributeName="xlink:href" to="javascript:alert(1)"/><text>x</text></a></svg>',
  '<img srcset="javascript:alert(1) 1x">',
];

const MARKDOWN = [
  '# Heading', '## Sub {#id}', '- item', '1. item', '> quote', '```js\ncode <script>\n```', '    indented <b>code</b>', '---', '***',
  '| a | b |\n|---|---|\n| 1 | 2 |', 'text[^1]\n\n[^1]: note', '{: .class}', '<div markdown="1">*x*</div>', '<sup>*</sup>, Jang<sup>*</sup>',
  'line \\\\\nbreak', '**bold** _it_ ~~del~~', '![img](/images/x.png "t")', '[link](/publications/)', '<https://example.org>',
  '- <a href="https://x.org">\n**Title**\n</a> \\\\', '$$x$$', '<font size="3">x</font>', '<!--- comment -->', '<details><summary>s</summary>x</details>',
  '[ref][r]\n\n[r]: /x "t"', '<span>*a</span>*', '&amp; &lt; &#x3C;', '\\<script>', '`<script>`',
];

const markdownBlock = fc.oneof(
  { weight: 2, arbitrary: phrase },
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN_XSS) },
);

/** A markdown body: blocks joined by blank lines, single newlines or nothing. */
export const markdownBody = fc
  .array(fc.tuple(markdownBlock, fc.constantFrom('\n\n', '\n', ' ', '')), { maxLength: 8 })
  .map((parts) => parts.map(([block, sep]) => block + sep).join(''));
