import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, ROOT, type BuiltSite } from '../helpers/build-fixture.js';
import { brokenLinks } from '../helpers/links.js';

/** Collapses whitespace so assertions read like the rendered text. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('seed 000: the CV, rebuilt as content', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('tests/fixtures/seeds/cv');
  });
  afterAll(() => site.cleanup());

  it('renders every section of the seed CV, in the seed order', async () => {
    const $ = await site.html('cv/index.html');
    const headings = $('main h2').map((_, h) => squash($(h).text())).get();
    const seedOrder = ['Research Interests', 'Education', 'Research Experience', 'Publications', 'Talks', 'Industry Experience', 'Selected Honors and Awards', 'Teaching and Academic Activities'];
    expect(headings.filter((h) => seedOrder.includes(h))).toEqual(seedOrder);
  });

  it('keeps the details of each section', async () => {
    const text = squash((await site.html('cv/index.html'))('main').text());
    for (const phrase of [
      'Korea Advanced Institute of Science and Technology (KAIST)',
      'GPA: 4.19/4.3 (Graduation: 08/2026)',
      'Military leave of absence for 2 academic years (02/2023 – 11/2024).',
      'Focus: Training Dynamics of Optimization Algorithms in Deep Learning',
      'Designed personalized recommendation models using contextual bandit algorithms',
      'Top Student Award (Ranked #1 in the department)',
      'Spring 2021, Fall 2021, Spring 2022',
      'Academic Tutor',
    ]) {
      expect(text, phrase).toContain(phrase);
    }
  });

  it('links the publication numbers of a research note ([1, 2, 3, 4, 5, 8]) to the papers on the CV', async () => {
    const $ = await site.html('cv/index.html');
    const refs = $('a.pub-ref');
    expect(refs.map((_, a) => $(a).text()).get()).toEqual(['1', '2', '3', '4', '5', '8', '7']);
    refs.each((_, a) => {
      expect($($(a).attr('href')!)).toHaveLength(1);
    });
    expect(squash($($('a.pub-ref').last().attr('href')!).find('.cv-pub-title').text())).toContain('Understanding the Performance Gap');
  });

  it('lists the eight papers with the owner in bold and equal-contribution stars', async () => {
    const $ = await site.html('publications/index.html');
    const entries = $('main li.pub');
    expect(entries).toHaveLength(8);
    entries.each((_, entry) => {
      expect(squash($(entry).find('strong').text())).toContain('Minhak Song');
    });
    expect(squash($('main').text())).toContain('Baek*');
  });

  it('shows both deliveries of each talk', async () => {
    const text = squash((await site.html('talks/index.html'))('main').text());
    expect(text).toContain('Through the River: Understanding the Dynamics of SGD and Schedule-Free Methods');
    for (const host of ["Prof. Niao He’s Group, ETH Zürich CS", "Prof. Donghwan Kim’s Group, KAIST Math", "Prof. Yaoqing Yang’s Group, Dartmouth CS", "Prof. Sewoong Oh’s Group, University of Washington CSE"]) {
      expect(text, host).toContain(host);
    }
  });

  it('has no broken internal link', () => {
    expect(brokenLinks(site.out, site.files, 'https://minhaksong.example.com/')).toEqual([]);
  });
});

describe('seed 001: the scholar-profile listing, rebuilt as content', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('tests/fixtures/seeds/listing');
  });
  afterAll(() => site.cleanup());

  it('lists all eight papers with their abstracts', async () => {
    const $ = await site.html('publications/index.html');
    const text = squash($('main').text());
    for (const title of [
      'Linear attention is (maybe) all you need (to understand transformer optimization)',
      'Understanding the Performance Gap in Preference Learning: A Dichotomy of RLHF and DPO',
      'Trajectory Alignment: Understanding the Edge of Stability Phenomenon via Bifurcation Theory',
    ]) {
      expect(text, title).toContain(title);
    }
    expect($('main details')).not.toHaveLength(0);
    expect(text).toContain('Transformer training is notoriously difficult');
  });
});

describe('seed 002: the academicpages about.md, built verbatim', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('tests/fixtures/seeds/academicpages');
  });
  afterAll(() => site.cleanup());

  // The seeds sit beside the checkout on the machines this project was started on, not in a clone.
  const seed = path.join(ROOT, '..', 'shared', 'seeds', '002_42d9ce4eb4ca16b1.txt');
  it.runIf(existsSync(seed))('is the seed byte for byte', async () => {
    const fixture = await readFile(path.join(ROOT, 'tests/fixtures/seeds/academicpages/pages/about.md'));
    expect(fixture.equals(await readFile(seed))).toBe(true);
  });

  it('renders the page at the site root with its raw HTML and without its comments', async () => {
    const $ = await site.html('index.html');
    const main = $('main');
    expect(main.find('h2, h3').map((_, h) => $(h).text()).get()).toContain('Generalization and Optimization in Deep Learning');
    expect(main.find('a[href="https://openreview.net/pdf?id=VZ5EaTI6dqa"]')).toHaveLength(1);
    expect(main.find('font[size="3"]').length).toBeGreaterThanOrEqual(3);
    expect(main.find('strong sup').length).toBeGreaterThan(0);
    // The seed comments out a paper with <!--- ... -->: it must not show.
    expect(main.find('a[href="../assets/papers/paper1.pdf"]')).toHaveLength(0);
    expect(main.html()).not.toContain('<!--');
  });

  it('writes both redirect_from pages as jekyll-redirect-from does', async () => {
    for (const file of ['about/index.html', 'about.html']) {
      const $ = await site.html(file);
      expect($('meta[http-equiv="refresh"]').attr('content'), file).toMatch(/^0; url=.*\/$/);
      expect($('link[rel="canonical"]').length, file).toBe(1);
    }
  });
});
