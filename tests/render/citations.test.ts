import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBibtex, type CslItem } from '../../src/content/bibtex/parse.js';
import { createCitationFormatter, UnknownCitationStyle, type Citation } from '../../src/render/citations.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const stylesDir = path.join(root, 'templates/csl');
const STYLES = ['apa', 'ieee', 'chicago-author-date'] as const;

let items: CslItem[];
let scratch: string;
const temporary = async (name: string) => mkdtemp(path.join(scratch, `${name}-`));

beforeAll(async () => {
  const file = path.join(root, 'tests/fixtures/bib/cite.bib');
  items = (await parseBibtex(await readFile(file, 'utf8'), file)).map((entry) => entry.csl);
  scratch = await mkdtemp(path.join(tmpdir(), 'folio-citations-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** The four papers of cite.bib in every style, formatted once for the tests that only read them. */
const formatted = new Map<string, Map<string, Citation>>();
async function cite(style: string, key: string): Promise<Citation> {
  if (!formatted.has(style)) formatted.set(style, await createCitationFormatter({ stylesDir }).format(items, style));
  const citation = formatted.get(style)!.get(key);
  expect(citation, `${key} in ${style}`).toBeDefined();
  return citation!;
}

describe('the three styles of a paper page', () => {
  it('APA: authors with initials, the year in parentheses after them, "et al." for `and others`', async () => {
    expect((await cite('apa', 'kovacevic2024sparse')).text).toBe(
      'Kovačević, A., Müller, J., Nguyễn, T. H., et al. (2024). Sparse Graph Transformers for Molecular Property Prediction. Journal of Machine Learning Research, 25(112), 1–34. https://doi.org/10.5555/jmlr.2024.112',
    );
    expect((await cite('apa', 'kovacevic2023robust')).text).toMatch(/^Kovačević, A\., & Dubois, F\. \(2023\)\. Robust Message Passing/);
    expect((await cite('apa', 'kovacevic2021thesis')).text).toMatch(/^Kovačević, A\. \(2021\)\. Learning on Graphs with Structural Priors \[PhD thesis\]\. ETH Zürich\.$/);
    expect((await cite('apa', 'kovacevic2025scaling')).text).toMatch(/^Kovačević, A\., Østergaard, S\., et al\. \(2025\)\. Scaling Laws/);
  });

  it('IEEE: no [1], initials first, the title in quotes, vol./no./pp.', async () => {
    const article = await cite('ieee', 'kovacevic2024sparse');
    expect(article.text).toBe(
      'A. Kovačević, J. Müller, T. H. Nguyễn, et al., “Sparse Graph Transformers for Molecular Property Prediction,” Journal of Machine Learning Research, vol. 25, no. 112, pp. 1–34, 2024, doi: 10.5555/jmlr.2024.112.',
    );
    expect(article.html).toContain('<i>Journal of Machine Learning Research</i>, vol. 25');
    expect(article.html).not.toMatch(/\[1\]|csl-left-margin|<div/);
    expect((await cite('ieee', 'kovacevic2023robust')).text).toMatch(/^A\. Kovačević and F\. Dubois, “Robust Message Passing under Distribution Shift,” in Proceedings of the 40th International Conference on Machine Learning, July 2023, vol\. 202, pp\. 17420–17441\.$/);
    expect((await cite('ieee', 'kovacevic2021thesis')).text).toBe('A. Kovačević, “Learning on Graphs with Structural Priors,” PhD thesis, ETH Zürich, Zürich, Switzerland, 2021.');
    expect((await cite('ieee', 'kovacevic2025scaling')).text).toMatch(/^A\. Kovačević, S\. Østergaard, et al\., “Scaling Laws for E\(3\)-Equivariant Networks\./);
  });

  it('Chicago author-date: full names, the year after them without parentheses, the title in quotes', async () => {
    expect((await cite('chicago-author-date', 'kovacevic2024sparse')).text).toBe(
      'Kovačević, Ana, Jörg Müller, Thị Hoa Nguyễn, et al. 2024. “Sparse Graph Transformers for Molecular Property Prediction.” Journal of Machine Learning Research 25 (112): 1–34. https://doi.org/10.5555/jmlr.2024.112.',
    );
    expect((await cite('chicago-author-date', 'kovacevic2023robust')).text).toMatch(/^Kovačević, Ana, and François Dubois\. 2023\. “Robust Message Passing under Distribution Shift\.” In Proceedings of the 40th International Conference on Machine Learning, 202:17420–41\./);
    expect((await cite('chicago-author-date', 'kovacevic2021thesis')).text).toBe('Kovačević, Ana. 2021. “Learning on Graphs with Structural Priors.” PhD thesis, ETH Zürich.');
    expect((await cite('chicago-author-date', 'kovacevic2025scaling')).text).toMatch(/^Kovačević, Ana, Søren Østergaard, et al\. 2025\. “Scaling Laws/);
  });

  it.each(STYLES)('%s: every entry has HTML and one line of plain text, and never prints "others"', async (style) => {
    for (const item of items) {
      const { html, text } = await cite(style, item.id);
      expect(text).not.toMatch(/[<>\n]|&#|\uE000|\bothers\b|\s\s/);
      expect(html).not.toMatch(/\uE000|\bothers\b/);
      expect(html.replace(/<[^>]*>/g, '').replace(/&#38;/g, '&').replace(/[\s\u00A0]+/g, ' ')).toBe(text);
    }
  });
});

describe('safety', () => {
  it('escapes markup and ampersands of the entry in the HTML, and leaves them plain in the text', async () => {
    const item: CslItem = {
      id: 'evil',
      type: 'article-journal',
      title: '<script>alert("x")</script> & <img src=x onerror=alert(1)>',
      author: [{ family: 'Tom & Jerry', given: '<b onclick="x()">' }],
      'container-title': 'Q&A <i>Journal</i>',
      issued: { 'date-parts': [[2020]] },
    };
    for (const style of STYLES) {
      const { html, text } = (await createCitationFormatter({ stylesDir }).format([item], style)).get('evil')!;
      expect(html).not.toMatch(/<script|<img|<b onclick/i);
      expect(html).toContain('&#60;script&#62;');
      expect(html).toContain('Tom &#38; Jerry');
      // Only citeproc's own formatting is markup: the <i> of a title is CSL's rich text, kept as italics.
      for (const tag of html.match(/<[^>]*>/g) ?? []) expect(tag).toMatch(/^<\/?(i|b|sup|sub)>$|^<span style="[a-z:;-]+">$|^<\/span>$/);
      expect(text).toContain('<script>alert');
      expect(text).toContain('Tom & Jerry');
      expect(text).not.toContain('&#');
    }
  });

  it('formats each entry alone: two papers of the same authors and year are not "2024a" and "2024b"', async () => {
    const twin = (id: string, title: string): CslItem => ({ id, type: 'article-journal', title, author: [{ family: 'Smith', given: 'Jane' }], issued: { 'date-parts': [[2024]] }, 'container-title': 'J' });
    const together = await createCitationFormatter({ stylesDir }).format([twin('a', 'First'), twin('b', 'Second')], 'apa');
    expect(together.get('a')!.text).toBe('Smith, J. (2024). First. J.');
    expect(together.get('b')!.text).toBe('Smith, J. (2024). Second. J.');
  });
});

describe('an entry citeproc fails on', () => {
  // No BibTeX entry gives citation-js a null name, but citeproc throws on it.
  const broken = { id: 'broken', type: 'article-journal', title: 'Broken', author: [null] } as unknown as CslItem;

  it('fails the call, naming the entry and the style', async () => {
    await expect(createCitationFormatter({ stylesDir }).format([broken], 'chicago-author-date')).rejects.toThrow(
      /^The entry `broken` cannot be formatted in the citation style chicago-author-date: .*null/,
    );
  });

  it('with onError, is reported and left out, and the entries after it come out as if alone', async () => {
    const errors: string[] = [];
    const formatter = createCitationFormatter({ stylesDir, onError: (error, item, style) => errors.push(`${item.id} ${style} ${error.message}`) });
    const out = await formatter.format([broken, ...items], 'chicago-author-date');
    expect(errors).toEqual([expect.stringMatching(/^broken chicago-author-date The entry `broken` cannot be formatted/)]);
    expect([...out.keys()]).toEqual(items.map((item) => item.id));
    for (const item of items) expect(out.get(item.id)).toEqual(await cite('chicago-author-date', item.id));
  });
});

describe('styles', () => {
  it('lists the built-in styles and the files of the styles folder', async () => {
    expect(await createCitationFormatter({ stylesDir }).styles()).toEqual(['apa', 'chicago-author-date', 'harvard1', 'ieee', 'vancouver']);
    expect(await createCitationFormatter({ stylesDir: path.join(scratch, 'missing') }).styles()).toEqual(['apa', 'harvard1', 'vancouver']);
  });

  it('names the available styles when asked for one that does not exist', async () => {
    const formatter = createCitationFormatter({ stylesDir });
    const error = await formatter.format(items, 'mla').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownCitationStyle);
    expect((error as Error).message).toBe('There is no citation style `mla`. Available: apa, chicago-author-date, harvard1, ieee, vancouver.');
  });

  it('takes any .csl file dropped in the folder, by its file name, over a built-in style of that name', async () => {
    const dir = await temporary('styles');
    await copyFile(path.join(stylesDir, 'ieee.csl'), path.join(dir, 'my-journal.csl'));
    await copyFile(path.join(stylesDir, 'ieee.csl'), path.join(dir, 'apa.csl'));
    const formatter = createCitationFormatter({ stylesDir: dir });
    const ieee = await cite('ieee', 'kovacevic2021thesis');
    expect((await formatter.format(items, 'my-journal')).get('kovacevic2021thesis')).toEqual(ieee);
    expect((await formatter.format(items, 'apa')).get('kovacevic2021thesis')).toEqual(ieee);
  });

  it('reports a style file citeproc cannot read with its path', async () => {
    const dir = await temporary('styles');
    await writeFile(path.join(dir, 'broken.csl'), '<style><oops');
    await expect(createCitationFormatter({ stylesDir: dir }).format(items, 'broken')).rejects.toThrow(path.join(dir, 'broken.csl'));
  });
});

describe('the cache between builds', () => {
  async function build(cacheDir: string, list: readonly CslItem[] = items) {
    const formatter = createCitationFormatter({ stylesDir, cacheDir });
    const results = Object.fromEntries(await Promise.all(STYLES.map(async (style) => [style, await formatter.format(list, style)] as const)));
    await formatter.flush();
    return { results, stats: { ...formatter.stats } };
  }

  it('lets the next build give the same citations without starting an engine', async () => {
    const cacheDir = await temporary('cache');
    const first = await build(cacheDir);
    expect(first.stats).toEqual({ engines: 3, formatted: 12, cached: 0 });
    expect((await readdir(cacheDir)).sort()).toEqual(['apa.json', 'chicago-author-date.json', 'citeproc', 'ieee.json']);
    const second = await build(cacheDir);
    expect(second.stats).toEqual({ engines: 0, formatted: 0, cached: 12 });
    expect(second.results).toEqual(first.results);
  });

  it('writes the same bytes for the same papers, and keeps only the entries still in use', async () => {
    const [a, b] = [await temporary('cache'), await temporary('cache')];
    await build(a);
    await build(b, [...items].reverse());
    expect(await readFile(path.join(a, 'ieee.json'), 'utf8')).toBe(await readFile(path.join(b, 'ieee.json'), 'utf8'));
    await build(a, items.slice(0, 2));
    const kept = JSON.parse(await readFile(path.join(a, 'ieee.json'), 'utf8')) as { entries: object };
    expect(Object.keys(kept.entries)).toHaveLength(2);
  });

  it('formats an entry again when the paper changes', async () => {
    const cacheDir = await temporary('cache');
    await build(cacheDir);
    const edited = items.map((item) => (item.id === 'kovacevic2021thesis' ? { ...item, title: 'Learning on Graphs, Revised' } : item));
    const { results, stats } = await build(cacheDir, edited);
    expect(stats).toEqual({ engines: 3, formatted: 3, cached: 9 });
    expect(results.ieee!.get('kovacevic2021thesis')!.text).toContain('“Learning on Graphs, Revised,”');
  });

  it.each([
    ['not JSON', '{"format": 1, "entries": {"'],
    ['an entry of the wrong shape', '{"format": 1, "entries": {"abc": {"html": 42}}}'],
    ['another format', '{"format": 0, "entries": {}}'],
  ])('ignores a cache file that is %s and writes a good one', async (_, broken) => {
    const cacheDir = await temporary('cache');
    const first = await build(cacheDir);
    await writeFile(path.join(cacheDir, 'ieee.json'), broken);
    const second = await build(cacheDir);
    expect(second.stats).toEqual({ engines: 1, formatted: 4, cached: 8 });
    expect(second.results).toEqual(first.results);
    expect((await build(cacheDir)).stats).toEqual({ engines: 0, formatted: 0, cached: 12 });
  });

  it('starts nothing and writes nothing for no papers', async () => {
    const cacheDir = await temporary('cache');
    const formatter = createCitationFormatter({ stylesDir, cacheDir });
    expect((await formatter.format([], 'ieee')).size).toBe(0);
    await formatter.flush();
    expect(formatter.stats).toEqual({ engines: 0, formatted: 0, cached: 0 });
    expect(await readdir(cacheDir)).toEqual([]);
  });
});

describe('formatting in a worker thread', () => {
  it('gives the entries this thread gives, for every style at once', async () => {
    const formatter = createCitationFormatter({ stylesDir, parallelFrom: 1 });
    const inWorkers = await Promise.all(STYLES.map((style) => formatter.format(items, style)));
    expect(formatter.stats).toMatchObject({ engines: STYLES.length, formatted: STYLES.length * items.length, cached: 0 });
    for (const [i, style] of STYLES.entries()) {
      const here = await createCitationFormatter({ stylesDir, parallelFrom: Infinity }).format(items, style);
      expect([...inWorkers[i]!], style).toEqual([...here]);
    }
  });
});
