import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { htmlToText, keepConversionsIn, latexToHtml } from '../../../src/content/bibtex/latex.js';
import { BuildCache } from '../../../src/output/cache.js';

describe('latexToHtml', () => {
  it.each([
    ['{\\"o}', 'ö'],
    ["\\'{e}", 'é'],
    ["{\\'\\i}", 'í'],
    ['{\\ss}', 'ß'],
    ['\\v{s}', 'š'],
    ['{\\o}', 'ø'],
    ['\\c{c}', 'ç'],
    ['a~b', 'a\u00a0b'],
    ['1--2', '1–2'],
    ['a---b', 'a—b'],
    ['\\& \\% \\_', '&amp; % _'],
    ['\\emph{x}', '<i>x</i>'],
    ['\\textit{x}', '<i>x</i>'],
    ['\\textbf{x}', '<b>x</b>'],
    ['x\\textsuperscript{2}', 'x<sup>2</sup>'],
    ['The {Edge of Stability}', 'The Edge of Stability'],
    ["Caf\\'e prize of 5$", 'Café prize of 5$'],
  ])('%s → %s', (raw, html) => {
    expect(latexToHtml(raw, 'title')).toBe(html);
  });

  it('renders math with KaTeX as MathML, untouched by the LaTeX decoding', () => {
    const $ = load(latexToHtml('Bias towards $\\ell_\\infty$ and A$^3$dam', 'title'));
    expect($('math')).toHaveLength(2);
    expect($('math annotation').first().text()).toBe('\\ell_\\infty');
    expect($('math annotation').last().text()).toBe('^3');
    expect(htmlToText($.html())).toBe('Bias towards \\ell_\\infty and A^3dam');
  });

  it('keeps markup in the data as text', () => {
    const html = latexToHtml('<script>alert(1)</script> <img src=x onerror=alert(2)> a < b', 'title');
    expect(html).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; a &lt; b');
    expect(load(html)('script, img')).toHaveLength(0);
  });
});

describe('conversions kept between builds', () => {
  it('records each new conversion in the build cache it is given', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'folio-latex-cache-'));
    try {
      const first = await BuildCache.open(dir, 'latex');
      keepConversionsIn(first);
      const html = latexToHtml('Erd{\\H{o}}s and $\\ell_2$, a field no other test converts', 'title');
      keepConversionsIn(undefined);
      expect(first.stats).toEqual({ hits: 0, misses: 1 });
      await first.save();
      expect(Object.values(JSON.parse(await readFile(path.join(dir, 'latex.json'), 'utf8')))).toEqual([html]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
