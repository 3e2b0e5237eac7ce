import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latexToHtml } from '../../src/content/bibtex/latex.js';
import { parseBibtex, type BibEntry } from '../../src/content/bibtex/parse.js';
import { ContentError, type Diagnostic } from '../../src/errors.js';
import { bibFile, mangledBibFile } from '../helpers/fuzz/bibtex.js';
import { badDiagnostics, BUILD_MS, buildContent, outcomeProblems, runs, timeout, unsafeMarkup } from '../helpers/fuzz/check.js';

const SITE = 'title: Fuzz\nauthor:\n  name: Ada Lovelace\n  name_variants: ["Lovelace, Ada"]\n';

/** Parses as loadPublications does: a ContentError is the user's mistake, anything else a bug. */
async function parse(text: string): Promise<{ entries: BibEntry[] } | { diagnostic: Diagnostic }> {
  try {
    return { entries: await parseBibtex(text, 'content/publications/papers.bib') };
  } catch (error) {
    if (error instanceof ContentError) return { diagnostic: error.diagnostic };
    throw error;
  }
}

/** The fields the pages show as HTML made by latexToHtml (names and links take other paths). */
const TEXT_FIELDS = ['title', 'journal', 'journaltitle', 'booktitle', 'school', 'institution', 'publisher', 'howpublished', 'organization', 'note', 'abstract', 'award', 'additional_info', 'annotation', 'venue_extra'];

/** Each text field of every entry as the pages show it (LaTeX decoded, math rendered), checked for live markup. */
function fieldProblems(entries: readonly BibEntry[]): string[] {
  return entries.flatMap((entry) =>
    TEXT_FIELDS.filter((name) => entry.fields[name]?.trim()).flatMap((name) => unsafeMarkup(`<p>${latexToHtml(entry.fields[name]!, name)}</p>`).map((p) => `${entry.key}.${name}: ${p}`)),
  );
}

describe('BibTeX, fuzzed', () => {
  it('reads every well-formed file (braces balanced) without a diagnostic', async () => {
    await fc.assert(
      fc.asyncProperty(bibFile, async (text) => {
        const parsed = await parse(text);
        expect('diagnostic' in parsed ? [parsed.diagnostic] : []).toEqual([]);
      }),
      // Found by this test: a lone `$` (BibTeX itself reads it as text).
      { ...runs(4), examples: [['@article{a,\n  title = {A prize of 5$},\n  year = 2020\n}\n']] },
    );
  }, timeout(30, 4));

  it('turns no field value of a well-formed file into live markup', async () => {
    await fc.assert(
      fc.asyncProperty(bibFile, async (text) => {
        const parsed = await parse(text);
        if ('entries' in parsed) expect(fieldProblems(parsed.entries)).toEqual([]);
        else expect(badDiagnostics([parsed.diagnostic])).toEqual([]);
      }),
      runs(4),
    );
  }, timeout(30, 4));

  it('turns a mangled file into entries or a catalogued diagnostic, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(mangledBibFile, async (text) => {
        const parsed = await parse(text);
        if ('diagnostic' in parsed) expect(badDiagnostics([parsed.diagnostic])).toEqual([]);
        else expect(fieldProblems(parsed.entries)).toEqual([]);
      }),
      runs(4),
    );
  }, timeout(30, 4));

  it('builds sites from well-formed files with injected markup, publishing none of it live', async () => {
    await fc.assert(
      fc.asyncProperty(bibFile, async (bib) => {
        expect(outcomeProblems(await buildContent({ 'site.yml': SITE, 'publications/papers.bib': bib }))).toEqual([]);
      }),
      runs(1, BUILD_MS),
    );
  }, timeout(BUILD_MS));

  it('points every BibSyntax diagnostic at a line of the file', async () => {
    await fc.assert(
      fc.asyncProperty(mangledBibFile, async (text) => {
        const parsed = await parse(text);
        if ('diagnostic' in parsed) expect(parsed.diagnostic).toHaveProperty('line');
      }),
      // Found by this test: citation-js's own syntax errors come without a line of the file.
      { ...runs(4), examples: [['@article{A,#\n  title = {x},\n}\n']] },
    );
  }, timeout(30, 4));

  it('builds sites from mangled files or fails with catalogued diagnostics only', async () => {
    await fc.assert(
      fc.asyncProperty(mangledBibFile, async (bib) => {
        expect(outcomeProblems(await buildContent({ 'site.yml': SITE, 'publications/papers.bib': bib }))).toEqual([]);
      }),
      runs(1, BUILD_MS),
    );
  }, timeout(BUILD_MS));
});
