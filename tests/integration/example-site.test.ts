import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuiltSite } from '../helpers/build-fixture.js';
import { brokenLinks } from '../helpers/links.js';

describe('the example site in content/', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('content');
  });
  afterAll(() => site.cleanup());

  it('builds every section, the meta files and the uploads', () => {
    for (const file of ['index.html', 'publications/index.html', 'talks/index.html', 'cv/index.html', 'news/index.html', '404.html', 'sitemap.xml', 'robots.txt', '.nojekyll', 'assets/css/folio.css', 'files/cv.pdf']) {
      expect(site.files, file).toContain(file);
    }
    expect(site.result.publications).toBeGreaterThanOrEqual(12);
    expect(site.result.talks).toBeGreaterThanOrEqual(3);
  });

  it('shows a complete home page: title, profile, bio, selected publications and news', async () => {
    const $ = await site.html('index.html');
    expect($('html').attr('lang')).toBe('en');
    expect($('title').text()).toContain('Ada');
    expect($('h1')).toHaveLength(1);
    expect($('main').text()).toContain('Selected publications');
    expect($('main').text()).toContain('News');
    expect($('a[href="publications/"]').length).toBeGreaterThan(0);
    expect($('link[rel="canonical"]').attr('href')).toBe('https://ada-example.github.io/');
  });

  it('lists every publication with the owner in bold, newest year first', async () => {
    const $ = await site.html('publications/index.html');
    const years = $('main h2').map((_, h) => $(h).text().trim()).get().filter((t) => /^\d{4}$/.test(t)).map(Number);
    expect(years.length).toBeGreaterThan(3);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect($('main strong').filter((_, s) => $(s).text().includes('Kovačević')).length).toBeGreaterThanOrEqual(12);
  });

  it('gives each downloadable .bib the @string definitions it uses, so it compiles alone', async () => {
    const paper = await site.text('publications/kovacevic2023rivers.bib');
    expect(paper).toMatch(/^@string\{neurips = \{Advances in Neural Information Processing Systems\}\}\n\n@inproceedings\{kovacevic2023rivers,/);
    const all = await site.text('publications.bib');
    const defined = [...all.matchAll(/^@string\{(\w+)/gm)].map((m) => m[1]!);
    expect(new Set(defined).size).toBe(defined.length);
    for (const [, macro] of all.matchAll(/^\s+\w+\s*=\s*([a-z]\w*),?$/gm)) {
      if (!/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)$/.test(macro!)) expect(defined).toContain(macro);
    }
    expect(all.indexOf('@string')).toBe(0);
  });

  it('writes a redirect page for each redirect_from, as jekyll-redirect-from does', async () => {
    for (const file of ['about/index.html', 'about.html']) {
      const $ = await site.html(file);
      expect($('link[rel="canonical"]').attr('href')).toBe('https://ada-example.github.io/');
      expect($('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=https://ada-example.github.io/');
    }
  });

  it('lists every indexed page in sitemap.xml with absolute URLs', async () => {
    const sitemap = await site.text('sitemap.xml');
    expect(sitemap).toContain('<loc>https://ada-example.github.io/publications/</loc>');
    expect(sitemap).not.toContain('404');
  });

  it('has no broken internal link or asset at the domain root', () => {
    expect(brokenLinks(site.out, site.files, 'https://ada-example.github.io/')).toEqual([]);
  });

  it('requests nothing from any other host', async () => {
    for (const file of site.files.filter((f) => f.endsWith('.html'))) {
      const $ = await site.html(file);
      const external = $('link[href], script[src], img[src], iframe[src]')
        .map((_, el) => $(el).attr('href') ?? $(el).attr('src'))
        .get()
        .filter((url) => /^(https?:)?\/\//.test(url) && !$(`link[rel="canonical"][href="${url}"]`).length);
      expect(external, file).toEqual([]);
    }
  });
});

describe('the example site under a base path (a GitHub project site)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('content', { baseUrl: 'https://user.github.io/repo/' });
  });
  afterAll(() => site.cleanup());

  it('resolves every internal link and asset inside /repo/, from every page including 404.html', () => {
    expect(brokenLinks(site.out, site.files, 'https://user.github.io/repo/')).toEqual([]);
  });

  it('writes absolute URLs with the base path in canonical links, redirects and the sitemap', async () => {
    const $ = await site.html('publications/index.html');
    expect($('link[rel="canonical"]').attr('href')).toBe('https://user.github.io/repo/publications/');
    expect((await site.html('about.html'))('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=https://user.github.io/repo/');
    expect(await site.text('sitemap.xml')).toContain('<loc>https://user.github.io/repo/cv/</loc>');
    expect(await site.text('robots.txt')).toContain('Sitemap: https://user.github.io/repo/sitemap.xml');
  });

  it('writes root-absolute links with the base path on 404.html, so they work at any depth', async () => {
    const $ = await site.html('404.html');
    const hrefs = $('a[href]').map((_, a) => $(a).attr('href')).get().filter((h) => !/^(https?:|mailto:|#)/.test(h));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith('/repo/')).toBe(true);
    expect($('link[rel="stylesheet"]').attr('href')).toBe('/repo/assets/css/folio.css');
  });
});

describe('structured data of the example site', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('content');
  });
  afterAll(() => site.cleanup());

  it('describes every delivery of a talk as a schema.org Event', async () => {
    for (const file of site.files.filter((f) => /^talks\/[^/]+\/index\.html$/.test(f))) {
      const $ = await site.html(file);
      const events = JSON.parse($('script[type="application/ld+json"]').text()) as { '@type': string; startDate: string; name: string }[];
      expect(events.length, file).toBe($('.deliveries-full > li').length);
      for (const event of events) {
        expect(event['@type']).toBe('Event');
        expect(event.startDate).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      }
    }
  });
});

describe('the home page of the example site', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('content');
  });
  afterAll(() => site.cleanup());

  it('describes the owner as a schema.org ProfilePage with a Person', async () => {
    const $ = await site.html('index.html');
    const data = JSON.parse($('script[type="application/ld+json"]').text());
    expect(data).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: {
        '@type': 'Person',
        name: 'Ada Kovačević',
        affiliation: { name: 'Lakeside Institute of Technology' },
        alumniOf: [{ name: 'Northfield University' }, { name: 'Adriatic University' }],
      },
    });
    expect(data.mainEntity.sameAs).toEqual(expect.arrayContaining(['https://orcid.org/0000-0002-1825-0097', 'https://github.com/ada-example']));
    expect(data.mainEntity.sameAs.some((url: string) => url.startsWith('https://ada-example.github.io'))).toBe(false);
  });
});
