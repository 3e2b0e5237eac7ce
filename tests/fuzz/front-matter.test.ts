import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/content/pages.js';
import { ContentError, DiagnosticBag, type Diagnostic } from '../../src/errors.js';
import { newsFields, pageFields, talkFields } from '../helpers/fuzz/front-matter.js';
import { phrase } from '../helpers/fuzz/text.js';
import { frontMatter, yamlish } from '../helpers/fuzz/yaml.js';
import { badDiagnostics, BUILD_MS, buildContent, outcomeProblems, runs, timeout } from '../helpers/fuzz/check.js';

const SITE = 'title: Fuzz\nauthor:\n  name: Ada Lovelace\n';

/** Reads a page as loadPages does: a ContentError is the user's mistake, anything else a bug. */
function readPage(text: string): Diagnostic[] {
  const bag = new DiagnosticBag();
  try {
    parsePage(text, 'content/pages/a.md', 'a.md', bag);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    bag.add(error.diagnostic);
  }
  return bag.list();
}

/** What may follow the opening `---`: gray-matter reads a language name there. */
const opener = fc.constantFrom('---', '--- ', '---\t', '----', '---yaml', '---YAML', '---json', '---js', '---javascript', '---coffee', '---toml', '---md');

describe('front matter, fuzzed', () => {
  it('reads YAML-ish front matter into a page or catalogued diagnostics, never a crash', () => {
    fc.assert(
      fc.property(yamlish, phrase, (yaml, body) => {
        expect(badDiagnostics(readPage(`---\n${yaml}\n---\n\n${body}\n`))).toEqual([]);
      }),
      // Found by this test: an alias without its anchor.
      { ...runs(8), examples: [['title: x\na: *nothing', 'Body.']] },
    );
  }, timeout(5, 8));

  it('reads front matter after any opening line (`---js`, `---toml`…) without crashing', () => {
    fc.assert(
      fc.property(opener, fc.oneof(yamlish, fc.constantFrom('title: x', '{"title": "x"}', '{"title": 1', 'title = "x"', '({title: "x"})', 'null.x')), (open, yaml) => {
        expect(badDiagnostics(readPage(`${open}\n${yaml}\n---\n\nBody.\n`))).toEqual([]);
      }),
      // Found by this test: gray-matter throws for an unknown language, and for JSON or JavaScript it cannot read.
      { ...runs(8), examples: [['---toml', 'title = "x"'], ['---json', '{"title": 1'], ['---js', 'null.x']] },
    );
  }, timeout(5, 8));

  it('never runs front matter as JavaScript', () => {
    const g = globalThis as { folioFrontMatterRan?: boolean };
    delete g.folioFrontMatterRan;
    try {
      readPage('---js\n(globalThis.folioFrontMatterRan = true, { title: "x" })\n---\n\nBody.\n');
    } catch {
      // Crashing is the previous test's concern; this one is about the code having run.
    }
    const ran = g.folioFrontMatterRan;
    delete g.folioFrontMatterRan;
    expect(ran).toBeUndefined();
  });

  it('builds pages from random values of every front-matter field, publishing no markup from them', async () => {
    const pages = fc.array(pageFields, { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(pages, async (fields) => {
        const files: Record<string, string> = { 'site.yml': SITE };
        // The body is plain: markdown has its own fuzz test, and this one is about the data.
        ['pages/index.md', 'pages/a.md', 'pages/b/index.md'].slice(0, fields.length).forEach((name, i) => (files[name] = `${frontMatter(fields[i])}\nBody.\n`));
        expect(outcomeProblems(await buildContent(files))).toEqual([]);
      }),
      // Found by this test: a page whose folder is a file the build writes (404.html, sitemap.xml…);
      // a permalink whose first segment reads as a scheme in a relative link.
      { ...runs(1, BUILD_MS), examples: [[[{ title: 'Old', permalink: '/404.html/old/' }]], [[{ title: 'A', permalink: '/a.html' }, { title: 'B', permalink: '/a.html/b/' }]], [[{ title: 'Kovačević', permalink: ' JaVaScRiPt:alert(1)', nav_order: 0 }]]] },
    );
  }, timeout(BUILD_MS));

  it('builds talks and news from random values of every front-matter field, publishing no markup from them', async () => {
    await fc.assert(
      fc.asyncProperty(talkFields, talkFields, newsFields, async (talk, other, news) => {
        const outcome = await buildContent({
          'site.yml': SITE,
          'talks/2025-05-a-talk.md': `${frontMatter(talk)}\nTalk.\n`,
          'talks/older/talk.md': `${frontMatter(other)}\nTalk.\n`,
          'news/2025-01-01.md': `${frontMatter(news)}\nNews.\n`,
        });
        expect(outcomeProblems(outcome)).toEqual([]);
      }),
      runs(1, BUILD_MS),
    );
  }, timeout(BUILD_MS));

  it('builds a page with YAML-ish front matter or fails with catalogued diagnostics only', async () => {
    await fc.assert(
      fc.asyncProperty(yamlish, async (yaml) => {
        expect(outcomeProblems(await buildContent({ 'site.yml': SITE, 'pages/index.md': `---\n${yaml}\n---\n\nBody.\n` }))).toEqual([]);
      }),
      runs(1, BUILD_MS),
    );
  }, timeout(BUILD_MS));
});
