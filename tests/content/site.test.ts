import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/content/site.js';
import { DiagnosticBag } from '../../src/errors.js';

const parse = (yaml: string, baseUrl?: string) => {
  const bag = new DiagnosticBag();
  return { site: parseSiteConfig(yaml, 'site.yml', bag, baseUrl), problems: bag.list() };
};

describe('site.yml', () => {
  it('splits url into origin and base path; --base-url overrides it', () => {
    expect(parse('title: T\nurl: https://u.github.io/repo/\nauthor: {name: A}').site).toMatchObject({ origin: 'https://u.github.io', basePath: '/repo' });
    expect(parse('title: T\nurl: https://u.github.io\nbaseurl: /home\nauthor: {name: A}').site.basePath).toBe('/home');
    expect(parse('title: T\nurl: https://x.org\nauthor: {name: A}', 'https://u.github.io/r').site).toMatchObject({ origin: 'https://u.github.io', basePath: '/r' });
  });

  it('expands bare ORCID iDs and handles, in the profile order', () => {
    const { site } = parse('title: T\nauthor:\n  name: A\n  links:\n    github: ada\n    orcid: 0000-0002-1825-0097\n    x: "@ada"');
    expect(site.author.links).toEqual([
      { id: 'orcid', label: 'ORCID', url: 'https://orcid.org/0000-0002-1825-0097' },
      { id: 'github', label: 'GitHub', url: 'https://github.com/ada' },
      { id: 'x', label: 'X', url: 'https://x.com/ada' },
    ]);
  });

  it('always counts the display name among the name variants', () => {
    expect(parse('title: T\nauthor: {name: Ada K, name_variants: ["K, A."]}').site.author.nameVariants).toEqual(['Ada K', 'K, A.']);
  });

  it('reads `language` as a BCP 47 tag, and reports one that is not (every page would fail)', () => {
    expect(parse('title: T\nlanguage: pt-br\nauthor: {name: A}').site.language).toBe('pt-BR');
    const { site, problems } = parse('title: T\nlanguage: "x\\"><script>"\nauthor: {name: A}');
    expect(site.language).toBe('en');
    expect(problems).toEqual([expect.objectContaining({ code: 'WrongFieldType', line: 2, field: 'language' })]);
  });

  it('reports a wrong type with its line and field, and keeps reading', () => {
    const { problems } = parse('title: T\nnavigation: /publications/\nauthor:\n  name: A\n  name_variants: {a: 1}');
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([
      ['WrongFieldType', 2, 'navigation'],
      ['WrongFieldType', 5, 'author.name_variants'],
    ]);
  });

  it('refuses javascript: links and warns about unknown fields with a suggestion', () => {
    const { problems } = parse('title: T\nnavigaton: []\nauthor:\n  name: A\n  links: {website: "javascript:alert(1)"}');
    expect(problems.map((p) => [p.code, p.severity, p.hint ?? ''])).toEqual([
      ['UnknownField', 'warning', 'Did you mean `navigation`?'],
      ['UnsafeUrl', 'error', ''],
    ]);
  });

  it('requires a title and an author', () => {
    expect(parse('description: x').problems.map((p) => p.code)).toEqual(['MissingRequiredField', 'MissingRequiredField']);
  });
});
