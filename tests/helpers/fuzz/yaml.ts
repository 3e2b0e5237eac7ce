import fc from 'fast-check';
import { stringify } from 'yaml';
import { phrase, text } from './text.js';

const PATH_SEGMENTS = ['a', 'b', 'research', 'x.html', 'publications', 'é', '%3Cscript%3E', '"><img src=x onerror=alert(1)>'];
const AWKWARD_SEGMENTS = ['..', '.', '', 'index.html', '404.html', 'sitemap.xml', 'robots.txt', '.nojekyll', 'assets', '%2e%2e', ' ', '?q=1', '#h', '\\..'];
const segment = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PATH_SEGMENTS) }, { weight: 1, arbitrary: fc.constantFrom(...AWKWARD_SEGMENTS) });

/** A site path, now and then with awkward segments: `..`, file names the build writes itself, encodings. */
export const sitePath = fc
  .tuple(fc.boolean(), fc.array(segment, { maxLength: 3 }), fc.boolean())
  .map(([lead, segments, trail]) => `${lead ? '/' : ''}${segments.join('/')}${trail ? '/' : ''}`);

/** Any YAML value: text, numbers, booleans, null, lists and maps. */
export const yamlValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: phrase },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: fc.array(phrase, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('name', 'url', 'title', 'x'), phrase, { maxKeys: 2 }) },
);

/** Mostly `good`, now and then any YAML value at all (a wrong type stops the build, which tests less). */
export const wild = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: yamlValue });
/** A date as people write it, now and then one that is not a date. */
export const date = fc.oneof({ weight: 15, arbitrary: fc.constantFrom('2025-05-03', '2025', '2025-05', '2025-05-03T10:00:00Z', '2025-05-03 10:00') }, { weight: 1, arbitrary: fc.constantFrom('2025-13-45', '3rd of May') });

/** `data` as front matter: YAML between `---` lines. */
export function frontMatter(data: unknown): string {
  return `---\n${stringify(data)}---\n`;
}

const KEYS = ['title', 'permalink', 'layout', 'redirect_from', 'excerpt', 'classes', 'author_profile', 'date', 'nav_order', 'a', 'b', '<script>', '"k"', 'x y'];
const SCALARS = ['"unclosed', "'unclosed", '[a, b', '{a: 1', '&a x', '*a', '*undefined', '!!binary aGk=', '!!js/function "function(){}"', '!!str', '!custom x', '|', '>', '- x', '? x', ': x', '%YAML 1.2', '@x', '`x`', 'null', '~', 'true', '0o17', '.inf', '1e400', '<<: *a', '"a\\q"', "'it''s'", '#', 'a: b: c', '"\\u00e9"'];
const yamlScalar = fc.oneof({ weight: 2, arbitrary: text.map((t) => t.replace(/\n/g, ' ')) }, { weight: 2, arbitrary: fc.constantFrom(...SCALARS) }, { weight: 1, arbitrary: fc.integer().map(String) });
const yamlKey = fc.oneof(fc.constantFrom(...KEYS), fc.stringMatching(/^[a-z_]{1,8}$/));

/** One line of YAML-ish text: `key: value`, list items, tabs, indentation, anchors, stray markers. */
const yamlLine = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(yamlKey, yamlScalar).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: yamlScalar.map((v) => `  - ${v}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('  ', '    ', '\t', ' \t'), yamlKey, yamlScalar).map(([i, k, v]) => `${i}${k}: ${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '...', '# comment', '', 'a: &a', '  b: *a', '<<: *a', '? complex', ': value', '- top', '%TAG ! tag:x,2000:') },
  { weight: 1, arbitrary: text },
);

/** YAML-ish text of up to eight lines, to sit between `---` lines. */
export const yamlish = fc.array(yamlLine, { maxLength: 8 }).map((lines) => lines.join('\n'));
