import { posix } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/render/helpers/date.js';
import { safeJson } from '../../../src/render/helpers/json.js';
import { relativePath, siteUrl } from '../../../src/render/helpers/url.js';
import { linkPublicationNumbers } from '../../../src/render/views.js';

const state = (outputPath: string, absoluteLinks = false) => ({ outputPath, absoluteLinks, origin: 'https://u.github.io', basePath: '/repo', language: 'en' });

describe('siteUrl', () => {
  it.each([
    ['index.html', '/', './'],
    ['index.html', '/publications/', 'publications/'],
    ['publications/index.html', '/', '../'],
    ['publications/index.html', '/assets/css/folio.css', '../assets/css/folio.css'],
    ['talks/a/index.html', '/talks/b/', '../b/'],
    ['talks/a/index.html', '/talks/a/', './'],
    ['cv/index.html', '/cv/#education', './#education'],
    ['about.html', '/files/cv.pdf', 'files/cv.pdf'],
    // A first segment with a colon is a folder, never a scheme (found by the front-matter fuzz test).
    ['index.html', '/JaVaScRiPt:alert(1)/', './JaVaScRiPt:alert(1)/'],
    ['talks/index.html', '/talks/a:b/', './a:b/'],
    ['talks/index.html', '/x:y/', '../x:y/'],
  ])('from %s, %s is %s', (from, target, expected) => {
    expect(siteUrl(target, state(from))).toBe(expected);
  });

  it('writes root-absolute links with the base path on 404.html', () => {
    expect(siteUrl('/publications/', state('404.html', true))).toBe('/repo/publications/');
  });

  it.each(['https://x.org/a', '#top', 'mailto:a@b.c', '//cdn.example/x'])('passes %s through', (target) => {
    expect(siteUrl(target, state('a/index.html'))).toBe(target);
  });
});

describe('formatDate', () => {
  it.each([
    ['2025-11-03', 'long', '3 November 2025'],
    ['2025-11-03', 'month', 'Nov 2025'],
    ['2025-11', 'long', 'Nov 2025'],
    ['2025', 'long', '2025'],
    ['2025-11-03', 'year', '2025'],
  ] as const)('%s as %s is %s', (input, style, expected) => {
    expect(formatDate(input, style, 'en-GB')).toBe(expected);
  });

  it('follows the site language', () => {
    expect(formatDate('2025-11-03', 'long', 'en')).toBe('November 3, 2025');
    expect(formatDate('2025-11-03', 'long', 'de')).toBe('3. November 2025');
  });

  it.each(['2016, 2018', 'Spring 2024', 'present', '2019 – 2021'])('shows %j as written', (text) => {
    expect(formatDate(text, 'long')).toBe(text);
    expect(formatDate(text, 'year')).toBe(text);
  });
});

describe('safeJson', () => {
  it('can never close a script element', () => {
    const json = safeJson({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

describe('linkPublicationNumbers', () => {
  const slugs = new Map([[1, 'song2023'], [2, 'ahn2024'], [8, 'baek2025']]);
  it.each([
    ['Focus: dynamics [1, 2, 8]', 'Focus: dynamics [<a class="pub-ref" href="#cv-pub-song2023">1</a>, <a class="pub-ref" href="#cv-pub-ahn2024">2</a>, <a class="pub-ref" href="#cv-pub-baek2025">8</a>]'],
    ['seed spacing [1 , 2]', 'seed spacing [<a class="pub-ref" href="#cv-pub-song2023">1</a>, <a class="pub-ref" href="#cv-pub-ahn2024">2</a>]'],
    ['unknown number [3] stays', 'unknown number [3] stays'],
    ['<a href="x">[1]</a> inside a link stays', '<a href="x">[1]</a> inside a link stays'],
    ['<span title="[1]">attributes stay</span>', '<span title="[1]">attributes stay</span>'],
  ])('%s', (html, expected) => {
    expect(linkPublicationNumbers(html, slugs)).toBe(expected);
  });
});

describe('relativePath', () => {
  // Path segments as site content makes them, plus the odd ones (dots, doubled slashes) posix normalises.
  const segment = fc.constantFrom('a', 'b', 'publications', 'x.pdf', '.hidden', '..', '.', '', 'ü', 'a b');
  const sitePath = fc.tuple(fc.array(segment, { maxLength: 4 }), fc.boolean()).map(([parts, slash]) => `/${parts.join('/')}${slash && parts.length ? '/' : ''}`);
  const outputPath = fc.array(segment.filter((s) => s !== ''), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));

  it('agrees with posix.relative from the page\'s folder', () => {
    fc.assert(
      fc.property(outputPath, sitePath, (from, to) => {
        expect(relativePath(from, to)).toBe(posix.relative(posix.dirname(`/${from}`), to));
      }),
      { numRuns: 2000 },
    );
  });
});
