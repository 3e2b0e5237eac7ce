import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, BuildFailed } from '../../src/index.js';
import { buildFixture, ROOT, type BuiltSite } from '../helpers/build-fixture.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/publications');

describe('copy-ready citations on paper pages (tests/fixtures/publications)', () => {
  let site: BuiltSite;
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'folio-cite-cache-'));
    site = await buildFixture('tests/fixtures/publications', { cacheDir });
  });
  afterAll(async () => {
    await site.cleanup();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('shows the paper in APA, IEEE and Chicago, in that order', async () => {
    const $ = await site.html('publications/kovacevic2024journal/index.html');
    expect($('#cite').text()).toBe('Cite');
    expect($('.cite-formats dt').map((_, dt) => $(dt).text()).get()).toEqual(['APA', 'IEEE', 'Chicago']);
    const [apa, ieee, chicago] = $('.cite-formats dd').map((_, dd) => $(dd).text().replace(/\s+/g, ' ')).get();
    expect(apa).toMatch(/^Kovačević, A\., Novák, T\., Rossi, G\., Chen, W\., (&|&amp;) Brandt, M\. \(2024\)\. Stable Training at Scale\. Journal of Machine Learning Research, 25\(3\), 101–142\./);
    expect(ieee).toMatch(/^A\. Kovačević, T\. Novák, G\. Rossi, W\. Chen, and M\. Brandt, “Stable Training at Scale,” Journal of Machine Learning Research, vol\. 25, no\. 3, pp\. 101–142/);
    expect(chicago).toMatch(/^Kovačević, Ada, Tomáš Novák, Giulia Rossi, Wei Chen, and Matthias Brandt\. 2024\. “Stable Training at Scale\.” Journal of Machine Learning Research 25 \(3\): 101–42\./);
    // The styles set the journal in italics, as markup, not as escaped text.
    expect($('.cite-formats dd').first().find('i').text()).toMatch(/^Journal of Machine Learning Research/);
  });

  it('keeps BibTeX text that looks like markup as text', async () => {
    const $ = await site.html('publications/xss2025/index.html');
    const entries = $('.cite-formats dd');
    expect(entries).toHaveLength(3);
    expect(entries.find('script, img, iframe, svg, b')).toHaveLength(0);
    expect(entries.first().text()).toContain('<script>alert(“title”)</script> and <img src=x onerror=alert(1)>');
  });

  it('keeps the citations between builds, one file per style, and builds the same bytes from them', async () => {
    // Beside them, citeproc's parsed styles (citeproc/parsed-xml.json).
    expect((await readdir(path.join(cacheDir, 'citations'))).sort()).toEqual(['apa.json', 'chicago-author-date.json', 'citeproc', 'ieee.json']);
    const apa = JSON.parse(await readFile(path.join(cacheDir, 'citations/apa.json'), 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(apa.entries)).toHaveLength(site.files.filter((f) => /^publications\/[^/]+\.bib$/.test(f)).length);
    const again = await buildFixture('tests/fixtures/publications', { cacheDir });
    try {
      for (const file of site.files.filter((f) => f.endsWith('.html'))) expect(await again.text(file), file).toBe(await site.text(file));
    } finally {
      await again.cleanup();
    }
  });
});

describe('publications.citation_styles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-cite-styles-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** The fixture with `citation_styles` set to `styles` in its site.yml. */
  async function withStyles(name: string, styles: string): Promise<string> {
    const content = path.join(dir, name);
    await cp(FIXTURE, content, { recursive: true });
    const site = await readFile(path.join(content, 'site.yml'), 'utf8');
    await writeFile(path.join(content, 'site.yml'), site.replace('publications:\n', `publications:\n  citation_styles: ${styles}\n`));
    return content;
  }

  it('takes the styles in the order given, built-in or from templates/csl/', async () => {
    const content = await withStyles('order', '[ieee, vancouver]');
    const out = path.join(dir, 'order-out');
    await build({ content, out, templates: path.join(ROOT, 'templates'), public: path.join(ROOT, 'public'), cacheDir: false });
    const html = await readFile(path.join(out, 'publications/kovacevic2024journal/index.html'), 'utf8');
    expect([...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1])).toEqual(['IEEE', 'Vancouver']);
  });

  it('shows no Cite section when the list is empty', async () => {
    const content = await withStyles('none', '[]');
    const out = path.join(dir, 'none-out');
    await build({ content, out, templates: path.join(ROOT, 'templates'), public: path.join(ROOT, 'public'), cacheDir: false });
    const html = await readFile(path.join(out, 'publications/kovacevic2024journal/index.html'), 'utf8');
    expect(html).not.toContain('id="cite"');
  });

  it('reports a style that does not exist on its line of site.yml, with the near miss', async () => {
    const content = await withStyles('unknown', '[apa, iee]');
    const failure = await build({ content, out: path.join(dir, 'unknown-out'), templates: path.join(ROOT, 'templates'), public: path.join(ROOT, 'public'), cacheDir: false }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(BuildFailed);
    const problem = (failure as BuildFailed).diagnostics.find((d) => d.code === 'UnknownCitationStyle');
    expect(problem).toMatchObject({ file: path.join(content, 'site.yml'), line: 9, hint: 'Did you mean `ieee`?' });
    expect(problem!.message).toContain('`iee`');
  });
});
