import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/content/front-matter.js';
import { createMarkdownRenderer } from '../../../src/render/markdown/index.js';

const toSite = (p: string) => `/base${p}`;
const render = (md: string, allowScripts = false) => createMarkdownRenderer({ allowScripts })(md, toSite);

describe('markdown bodies', () => {
  it('keep the author\'s raw HTML', () => {
    const html = render('Hi <font size="3">there</font><sup>1</sup> <a href="https://x.org" title="t">x</a>');
    expect(html).toContain('<font size="3">there</font>');
    expect(html).toContain('<sup>1</sup>');
    expect(html).toContain('<a href="https://x.org" title="t">x</a>');
  });

  it('never publish HTML comments', () => {
    expect(render('a\n\n<!---\nsecret draft\n-->\n\nb')).not.toContain('secret');
  });

  it('lose <script> and on* handlers and javascript: links unless the site opts in', () => {
    const md = '<script>alert(1)</script>\n\n<img src="/x.png" alt="x" onerror="alert(2)"> <a href="javascript:alert(3)">x</a>';
    const safe = render(md);
    expect(safe).not.toMatch(/<script|onerror|javascript:|alert/);
    expect(safe).toContain('<img src="/base/x.png" alt="x">');
    const trusted = render(md, true);
    expect(trusted).toContain('<script>alert(1)</script>');
    expect(trusted).toContain('onerror="alert(2)"');
  });

  it.each([
    ['an iframe\'s srcdoc', '<iframe srcdoc="<script>alert(1)</script>" src="https://www.youtube.com/embed/x"></iframe>', '<iframe src="https://www.youtube.com/embed/x"></iframe>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<meta content="0;url=javascript:alert(1)">'],
    ['a javascript: URL in <object data>', '<object data="javascript:alert(1)"></object>', '<p><object></object></p>'],
    ['a javascript: URL in xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', '<p><svg><a><text>x</text></a></svg></p>'],
    ['<noscript> with its content', '- item\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', '<ul>\n<li>item\n</li>\n</ul>'],
    ['an SVG animation that sets a link', '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>', '<p><svg><set to="javascript:alert(1)"></set></svg></p>'],
    ['a <style> whose text is markup', '<svg><style>&lt;img src=x onerror=alert(1)&gt;</style></svg>', '<p><svg></svg></p>'],
  ])('lose %s', (_, md, html) => {
    expect(render(md)).toBe(html);
  });

  it('keep CSS, SVG animations of other attributes, and the text of elements HTML reads as text', () => {
    expect(render('<style>@media (width < 600px) { p { color: red } }</style>')).toBe('<style>@media (width < 600px) { p { color: red } }</style>');
    expect(render('<svg><animate attributeName="fill" values="red;blue"/></svg>')).toContain('<animate attributeName="fill" values="red;blue">');
    expect(render('<svg><title>Hi <tspan>there</tspan></title></svg>')).toBe('<p><svg><title>Hi there</title></svg></p>');
  });

  it('honour the base path in links written from the site root, and leave others alone', () => {
    const $ = load(render('[pubs](/publications/) [ext](https://x.org/) [rel](../a.pdf) [proto](//cdn.x/y)'));
    expect($('a').map((_, a) => $(a).attr('href')).get()).toEqual(['/base/publications/', 'https://x.org/', '../a.pdf', '//cdn.x/y']);
  });

  it('give headings ids for anchors', () => {
    expect(render('## Published Papers')).toBe('<h2 id="published-papers">Published Papers</h2>');
  });
});

describe('the academicpages about.md seed, verbatim', () => {
  const text = readFileSync(path.join(import.meta.dirname, '../../fixtures/markdown/academicpages-about.md'), 'utf8');
  const $ = load(render(parseFrontMatter(text, 'about.md').body));

  it('keeps every published paper as one list item with a linked bold title (kramdown reads span tags inline)', () => {
    const items = $('#published-papers + ul > li');
    expect(items).toHaveLength(2);
    expect(items.first().find('a > strong').text()).toBe('Scale-invariant Bayesian Neural Networks with Connectivity Tangent Kernel');
    expect(items.first().find('br')).toHaveLength(2);
    expect(items.first().text()).not.toContain('\\');
  });

  it('bolds the owner and keeps equal-contribution stars as superscripts', () => {
    const lantern = $('#preprints + ul > li').eq(1);
    expect(lantern.find('strong').eq(1).html()).toBe('Sihwan Park<sup>*</sup>');
    expect(lantern.find('sup').map((_, s) => $(s).text()).get()).toEqual(['*', '*', '*']);
    expect(lantern.find('em')).toHaveLength(0);
  });

  it('drops the commented-out paper', () => {
    expect($.html()).not.toContain('Scalable Task Segmentation');
  });

  it('keeps <font> and every section', () => {
    expect($('font[size="3"]').first().text()).toBe('Aug. 2019 - Dec. 2019');
    expect($('h2').map((_, h) => $(h).text()).get()).toEqual(['Published Papers', 'Preprints', 'Experiences', 'Education', 'Projects']);
  });
});

describe('kramdown features imported pages use', () => {
  it('renders tables and footnotes', () => {
    const $ = load(render('| Course | Term |\n|---|---|\n| ML | 2025 |\n\nText[^1]\n\n[^1]: A note.'));
    expect($('table td').map((_, td) => $(td).text()).get()).toEqual(['ML', '2025']);
    expect($('section.footnotes li').text()).toContain('A note.');
  });
});
