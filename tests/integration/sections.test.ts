import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuiltSite } from '../helpers/build-fixture.js';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('people, teaching and projects in the example site', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('content');
  });
  afterAll(() => site.cleanup());

  it('lists members by role, PI first and alumni last', async () => {
    const $ = await site.html('people/index.html');
    expect($('.people-group h2').map((_, h) => $(h).text()).get()).toEqual(['PI', 'PhD student', "Master's student", 'Alumni']);
    expect($('.person-name a').map((_, a) => $(a).attr('href')).get()).toEqual(['ada-kovacevic/', 'lena-hofer/', 'marco-bianchi/', 'priya-raman/']);
  });

  it('gives each member a page with their profile and the papers they wrote', async () => {
    const $ = await site.html('people/lena-hofer/index.html');
    expect(squash($('h1.profile-name').text())).toBe('Lena Hofer');
    expect($('.pub-list .pub').map((_, li) => $(li).attr('id')).get()).toEqual(['pub-kovacevic2026zeroth']);
    const pi = await site.html('people/ada-kovacevic/index.html');
    expect(pi('.pub-list .pub').length).toBe(16);
  });

  it('groups courses by role, newest first, under the teaching page\'s own text', async () => {
    const $ = await site.html('teaching/index.html');
    expect($('.prose').first().text()).toContain('story about geometry');
    expect($('.teaching-group h2').map((_, h) => $(h).text()).get()).toEqual(['Lecturer', 'Teaching assistant']);
    expect(squash($('.course-title').first().text())).toBe('Optimization for Machine Learning (graduate seminar)');
    expect($('.course-meta .term').map((_, t) => $(t).text()).get()).toEqual(['Autumn 2025', 'Spring 2024', 'Spring 2023', 'Fall 2021', 'Spring 2020', '2016–2018']);
  });

  it('links projects and their publications both ways', async () => {
    const project = await site.html('projects/optstab/index.html');
    expect(project('.pub-list .pub').map((_, li) => project(li).attr('id')).get().sort()).toEqual(['pub-kovacevic2025muon', 'pub-rossi2025optstab']);
    const paper = await site.html('publications/rossi2025optstab/index.html');
    expect(paper('a.tag[href="../../projects/optstab/"]').text()).toBe('OptStab');
    const list = await site.html('projects/index.html');
    expect(list('.project-title a').map((_, a) => list(a).text()).get()).toEqual(['OptStab', 'Rivers and valleys']);
  });
});
