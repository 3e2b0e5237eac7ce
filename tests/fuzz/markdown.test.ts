import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer } from '../../src/render/markdown/index.js';
import { markdownBody, MARKDOWN_XSS } from '../helpers/fuzz/markdown.js';
import { BUILD_MS, buildContent, outcomeProblems, runs, timeout, unsafeMarkup } from '../helpers/fuzz/check.js';

const SITE = 'title: Fuzz\nauthor:\n  name: Ada Lovelace\n';

/** Markdown as the build renders it by default (site.yml without `allow_scripts: true`). */
const render = createMarkdownRenderer();
const toSite = (sitePath: string) => `/base${sitePath}`;

describe('markdown bodies, fuzzed', () => {
  it.each(MARKDOWN_XSS)('lose the script of %s', (markdown) => {
    expect(unsafeMarkup(render(markdown, toSite))).toEqual([]);
  });

  it('render any body without crashing and without script, on* handlers or javascript: URLs', () => {
    fc.assert(
      fc.property(markdownBody, (markdown) => {
        expect(unsafeMarkup(render(markdown, toSite))).toEqual([]);
      }),
      runs(8),
    );
  }, timeout(10, 8));

  it('build into pages, talks and news with no script, on* handler or javascript: URL', async () => {
    await fc.assert(
      fc.asyncProperty(markdownBody, markdownBody, markdownBody, async (page, talk, news) => {
        const outcome = await buildContent({
          'site.yml': SITE,
          'pages/about.md': `---\ntitle: About\n---\n\n${page}\n`,
          'talks/a-talk.md': `---\ntitle: A talk\ndeliveries:\n  - event: Seminar\n    date: 2025-02-01\n---\n\n${talk}\n`,
          'news/2025-01-01.md': `---\ndate: 2025-01-01\n---\n\n${news}\n`,
        });
        expect(outcomeProblems(outcome)).toEqual([]);
      }),
      // Found by this test: MathML and <noscript> let markup past the sanitiser (mutation XSS).
      { ...runs(1, BUILD_MS), examples: [['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', 'Talk.', 'News.'], ['- item\n<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', 'Talk.', 'News.']] },
    );
  }, timeout(BUILD_MS));
});
