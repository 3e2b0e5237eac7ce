import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { build, type BuildResult } from '../../src/index.js';
import { createContentFile, FileExists, NotASite, type ContentKind } from '../../src/scaffold/index.js';
import { ROOT } from '../helpers/build-fixture.js';

const TODAY = '2026-01-20';

describe('createContentFile', () => {
  let dir: string;
  let content: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-new-content-'));
    content = path.join(dir, 'content');
    await cp(path.join(ROOT, 'tests/scaffold/fixtures/minimal/content'), content, { recursive: true });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const buildCopy = (): Promise<BuildResult> =>
    build({ content, templates: path.join(ROOT, 'templates'), public: path.join(ROOT, 'public'), out: path.join(dir, 'dist'), cacheDir: false });
  const built = (file: string) => readFile(path.join(dir, 'dist', file), 'utf8');

  // Each kind: the file it should create, and the built page that should show its title.
  it.each<[ContentKind, string, string]>([
    ['page', 'pages/research-interests.md', 'research-interests/index.html'],
    ['talk', 'talks/research-interests.md', 'talks/research-interests/index.html'],
    ['news', `news/${TODAY}-research-interests.md`, 'news/index.html'],
    ['publication', 'publications/research-interests-2026.bib', 'publications/research-interests-2026/index.html'],
  ])('a new %s is %s, and the site builds with it and no warning', async (kind, file, page) => {
    const created = await createContentFile(kind, 'Research: Interests', { contentDir: content, today: TODAY });
    expect(created).toBe(path.join(content, file));
    const result = await buildCopy();
    expect(result.warnings).toEqual([]);
    expect(await built(page)).toContain('Research: Interests');
  });

  it('names the site owner as the first author of a new publication, so it is recognised as theirs', async () => {
    await createContentFile('publication', 'Compiling', { contentDir: content, today: TODAY });
    expect(await readFile(path.join(content, 'publications/compiling-2026.bib'), 'utf8')).toContain('author = {Grace Hopper},');
  });

  it('escapes what LaTeX would read as markup in a publication title', async () => {
    await createContentFile('publication', 'Costs & Benefits of $5 Compilers: 100% {Sure}', { contentDir: content, today: TODAY });
    expect((await buildCopy()).warnings).toEqual([]);
    expect(await built('publications/costs-benefits-5-2026/index.html')).toContain('Costs &amp; Benefits of $5 Compilers: 100% Sure</h1>');
  });

  it('keeps a title with quotes, a colon and a # as one YAML string', async () => {
    await createContentFile('page', 'Q&A: "Why # matters"', { contentDir: content, today: TODAY });
    expect((await buildCopy()).warnings).toEqual([]);
    expect(await built('q-a-why-matters/index.html')).toContain('Q&amp;A: &quot;Why # matters&quot;');
  });

  // Uncommented, the optional fields must be exactly the documented ones (docs/content.md), with values that load.
  it.each<[ContentKind, string[], string[]]>([
    ['page', ['title', 'permalink', 'description', 'layout', 'author_profile', 'classes', 'redirect_from', 'date', 'nav_order', 'nav_title'], []],
    ['talk', ['title', 'slides', 'video', 'code', 'speakers', 'deliveries'], ['event', 'date', 'kind', 'duration', 'location', 'url']],
  ])('lists every field of a new %s, the optional ones as comments that load once uncommented', async (kind, fields, deliveryFields) => {
    const file = await createContentFile(kind, 'Everything', { contentDir: content, today: TODAY });
    const uncommented = (await readFile(file, 'utf8')).replace(/^(\s*)# (\w+:)/gm, '$1$2');
    const { data } = parseFrontMatter(uncommented, file);
    expect(Object.keys(data).sort()).toEqual([...fields].sort());
    if (deliveryFields.length > 0) expect(Object.keys((data.deliveries as object[])[0]!).sort()).toEqual([...deliveryFields].sort());
    await writeFile(file, uncommented);
    expect((await buildCopy()).warnings).toEqual([]);
  });

  it('lists every al-folio field in the comment block of a new publication', async () => {
    const text = await readFile(await createContentFile('publication', 'Fields', { contentDir: content, today: TODAY }), 'utf8');
    const comment = text.slice(0, text.indexOf('@'));
    const fields = ['abbr', 'selected', 'abstract', 'pdf', 'supp', 'slides', 'poster', 'arxiv', 'doi', 'hal', 'pmid', 'html', 'code', 'video', 'website', 'blog', 'preview', 'award_name', 'award', 'note', 'status', 'venue_extra', 'additional_info', 'annotation', 'keywords', 'kind', 'citations', 'google_scholar_id', 'bibtex_show'];
    expect(fields.filter((f) => !new RegExp(`[%,]\\s+${f} = \\{`).test(comment))).toEqual([]);
  });

  it('never overwrites a file: the second news item of the same title and day is refused', async () => {
    const file = await createContentFile('news', 'Hello', { contentDir: content, today: TODAY });
    await writeFile(file, 'edited');
    await expect(createContentFile('news', 'Hello', { contentDir: content, today: TODAY })).rejects.toThrow(FileExists);
    expect(await readFile(file, 'utf8')).toBe('edited');
  });

  it('refuses to run outside a site', async () => {
    await expect(createContentFile('talk', 'Hello', { contentDir: path.join(dir, 'elsewhere'), today: TODAY })).rejects.toThrow(NotASite);
  });
});
