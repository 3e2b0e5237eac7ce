import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/content/site.js';
import { ContentError, DiagnosticBag } from '../../src/errors.js';
import { siteFields } from '../helpers/fuzz/site.js';
import { yamlish } from '../helpers/fuzz/yaml.js';
import { badDiagnostics, BUILD_MS, buildContent, outcomeProblems, runs, timeout } from '../helpers/fuzz/check.js';

describe('site.yml, fuzzed', () => {
  it('reads YAML-ish text into settings or catalogued diagnostics, never a crash', () => {
    fc.assert(
      fc.property(yamlish, (yaml) => {
        const bag = new DiagnosticBag();
        try {
          parseSiteConfig(yaml, 'content/site.yml', bag);
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          bag.add(error.diagnostic);
        }
        expect(badDiagnostics(bag.list())).toEqual([]);
      }),
      // Found by this test: an alias without its anchor; an alias inside its own anchor (a cycle).
      { ...runs(8), examples: [['title: T\nauthor:\n  name: *who\n'], ['a: &a\n  b: *a']] },
    );
  }, timeout(5, 8));

  it('builds sites from random values of every field, publishing no markup from them', async () => {
    const content = {
      'pages/about.md': '---\ntitle: About\npermalink: /about/\nauthor_profile: true\n---\n\nHello.\n',
      'publications/papers.bib': '@article{lovelace1843,\n  title = {Notes},\n  author = {Lovelace, Ada},\n  journal = {Memoirs},\n  year = 1843,\n  selected = {true}\n}\n',
      'news/2025-01-01.md': '---\ndate: 2025-01-01\n---\n\nNews.\n',
      'talks/notes.md': '---\ntitle: Notes\ndeliveries:\n  - event: Seminar\n    date: 2025-02-01\n---\n\nTalk.\n',
    };
    await fc.assert(
      fc.asyncProperty(siteFields, async (site) => {
        expect(outcomeProblems(await buildContent({ ...content, 'site.yml': stringify(site) }))).toEqual([]);
      }),
      // Found by this test: a `language` that is not a BCP 47 tag fails every template.
      { ...runs(1, BUILD_MS), examples: [[{ title: 'T', author: { name: 'A' }, language: 'x"><script>alert(1)</script>' }]] },
    );
  }, timeout(BUILD_MS));
});
