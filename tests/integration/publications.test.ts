import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuiltSite } from '../helpers/build-fixture.js';
import { brokenLinks } from '../helpers/links.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('publication pages (tests/fixtures/publications)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('tests/fixtures/publications');
  });
  afterAll(() => site.cleanup());

  it('writes a page, a .bib file per paper, and the whole publications.bib', async () => {
    for (const key of ['kovacevic2024journal', 'late2023author', 'kovacevic2022thesis', 'xss2025']) {
      expect(site.files).toContain(`publications/${key}/index.html`);
      expect(site.files).toContain(`publications/${key}.bib`);
    }
    const all = await site.text('publications.bib');
    expect(all.match(/^@/gm)).toHaveLength(4);
    expect(await site.text('publications/kovacevic2024journal.bib')).toMatch(/^@article\{kovacevic2024journal,[\s\S]*doi {6}= \{https:\/\/doi\.org\/10\.5555\/jmlr\.2024\.3\},[\s\S]*\}\n$/);
    // citations and keywords steer the website only; they are not part of the citation.
    expect(all).not.toContain('citations');
  });

  it('emits Google Scholar tags on the paper page only, in author order, with a PDF from its own folder', async () => {
    const $ = await site.html('publications/kovacevic2024journal/index.html');
    const tag = (name: string) => $(`meta[name="${name}"]`).map((_, m) => $(m).attr('content')).get();
    expect(tag('citation_title')).toEqual(['Stable Training at Scale']);
    expect(tag('citation_author')).toEqual(['Ada Kovačević', 'Tomáš Novák', 'Giulia Rossi', 'Wei Chen', 'Matthias Brandt']);
    expect(tag('citation_publication_date')).toEqual(['2024/7']);
    expect(tag('citation_journal_title')).toEqual(['Journal of Machine Learning Research']);
    expect([tag('citation_volume'), tag('citation_issue'), tag('citation_firstpage'), tag('citation_lastpage')]).toEqual([['25'], ['3'], ['101'], ['142']]);
    expect(tag('citation_doi')).toEqual(['10.5555/jmlr.2024.3']);
    expect(tag('citation_pdf_url')).toEqual(['https://ada.example.org/publications/kovacevic2024journal/kovacevic2024journal.pdf']);
    expect(site.files).toContain('publications/kovacevic2024journal/kovacevic2024journal.pdf');

    const conference = await site.html('publications/late2023author/index.html');
    expect(conference('meta[name="citation_conference_title"]').attr('content')).toBe('Proceedings of the 40th International Conference on Machine Learning');
    // A PDF on another host is a link, but never citation_pdf_url.
    expect(conference('meta[name="citation_pdf_url"]')).toHaveLength(0);
    const thesis = await site.html('publications/kovacevic2022thesis/index.html');
    expect(thesis('meta[name="citation_dissertation_institution"]').attr('content')).toBe('Northfield University');

    for (const list of ['index.html', 'publications/index.html']) {
      expect((await site.html(list))('meta[name^="citation_"]'), list).toHaveLength(0);
    }
  });

  it('describes the paper in JSON-LD that parses', async () => {
    const $ = await site.html('publications/kovacevic2024journal/index.html');
    const data = JSON.parse($('script[type="application/ld+json"]').first().text());
    expect(data).toMatchObject({ '@type': 'ScholarlyArticle', headline: 'Stable Training at Scale', datePublished: '2024-07', author: [{ name: 'Ada Kovačević' }, { name: 'Tomáš Novák', url: 'https://novak.example.org/' }, {}, {}, {}] });
  });

  it('never lets BibTeX data become markup', async () => {
    for (const file of ['publications/index.html', 'publications/xss2025/index.html', 'publications/type/other/index.html']) {
      const $ = await site.html(file);
      // The theme's own filtering script is the only one; nothing from the data runs.
      expect($('script:not([type="application/ld+json"]):not([src$="assets/js/filters.js"])'), file).toHaveLength(0);
      expect($('iframe, svg[onload], img[onerror], b[onmouseover]'), file).toHaveLength(0);
      const handlers = $('*').filter((_, el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {}).some((a) => a.startsWith('on')));
      expect(handlers, file).toHaveLength(0);
    }
    const $ = await site.html('publications/xss2025/index.html');
    expect($('h1').text()).toContain('<script>alert("title")</script>');
    for (const json of $('script[type="application/ld+json"]').map((_, s) => $(s).html()).get()) {
      expect(json).not.toMatch(/<\/?script/i);
      expect(() => JSON.parse(json)).not.toThrow();
    }
  });

  it('groups by type, truncates long author lists on cards but keeps the owner, and links co-authors', async () => {
    const $ = await site.html('publications/index.html');
    expect($('main .pub-group h2').map((_, h) => $(h).text()).get()).toEqual(['Journal articles', 'Conference papers', 'Theses', 'Other']);
    expect(squash($('#pub-late2023author .pub-authors').text())).toBe('A. One, B. Two, A. Kovačević, et al.');
    expect($('#pub-kovacevic2024journal .pub-authors a[href="https://novak.example.org/"]').text()).toBe('Tomáš Novák');
    // The paper's own page lists everyone.
    expect(squash((await site.html('publications/late2023author/index.html'))('.paper-authors').text())).toBe('A. One, B. Two, C. Three, D. Four, A. Kovačević');
  });

  it('has a static page per type and per keyword, linked from the list, that works without JavaScript', async () => {
    const $ = await site.html('publications/index.html');
    const filters = $('.pub-filters a').map((_, a) => $(a).attr('href')).get();
    expect(filters).toEqual(expect.arrayContaining(['type/journal/', 'type/conference/', 'type/thesis/', 'type/other/', 'topic/optimization/', 'topic/stability/']));
    const topic = await site.html('publications/topic/optimization/index.html');
    // "optimization" and "Optimization" are one topic.
    expect(topic('li.pub').map((_, li) => $(li).attr('id')).get()).toEqual(['pub-kovacevic2024journal', 'pub-late2023author']);
    expect(topic('.pub-filters a[aria-current="page"]').attr('href')).toBe('./');
  });

  it('has no broken internal link', () => {
    expect(brokenLinks(site.out, site.files, 'https://ada.example.org/')).toEqual([]);
  });
});

describe('the seed CV, numbered in its own order', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('tests/fixtures/seeds/cv');
  });
  afterAll(() => site.cleanup());

  it('numbers the papers [8] to [1] as the seed does, with the workshop versions beside the main venue', async () => {
    const $ = await site.html('publications/index.html');
    const rows = $('li.pub').map((_, li) => squash($(li).find('.pub-num').text()) + ' ' + squash($(li).find('.pub-title').text()).slice(0, 20)).get();
    expect(rows).toEqual([
      '[8] Implicit Bias of Per',
      '[7] Understanding the Pe',
      '[6] Suspicious Alignment',
      '[5] Through the River: U',
      '[4] Understanding Sharpn',
      '[3] Does SGD really happ',
      '[2] Linear attention is ',
      '[1] Trajectory Alignment',
    ]);
    const first = $('li.pub').first();
    expect(squash(first.find('.badge-status').text())).toBe('Under Review at ICLR 2026');
    expect(squash(first.find('.pub-venue, .pub-note').text())).not.toMatch(/Under review.*Under Review/i);
    expect(squash(first.find('.pub-venue-extra').text())).toBe('Also at NeurIPS 2025 Workshop on Optimization for Machine Learning [NeurIPSW 2025]');
    expect(squash(first.find('.pub-authors').text())).toBe('Beomhan Baek*, Minhak Song*, Chulhee Yun');
    expect($('.legend-marks').text()).toContain('equal contribution');
  });
});

describe('the seed listing', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('tests/fixtures/seeds/listing');
  });
  afterAll(() => site.cleanup());

  it('shows the metrics of the seed: 8 papers, 143 citations, h-index 3', async () => {
    const $ = await site.html('publications/index.html');
    const metrics = Object.fromEntries($('.metrics div').map((_, d) => [[$(d).find('dt').text(), $(d).find('dd').text()]]).get());
    expect(metrics).toMatchObject({ Papers: '8', Citations: '143', 'h-index': '3' });
    expect(squash($('#pub-ahn2023linear .pub-authors').text())).toBe('Kwangjun Ahn, Xiang Cheng, Minhak Song, et al.');
  });
});
