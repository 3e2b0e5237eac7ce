import { describe, expect, it } from 'vitest';
import { checkContent } from './fixture.js';

describe('folio check on the example site in content/', () => {
  it('finds no problem at its domain root', async () => {
    expect(await checkContent('content')).toEqual([]);
  });

  it('finds no problem under a base path (a GitHub project site)', async () => {
    expect(await checkContent('content', { baseUrl: 'https://user.github.io/repo/' })).toEqual([]);
  });
});

describe('folio check on the publications fixture', () => {
  it('finds no problem, XSS entries and files beside the .bib included', async () => {
    expect(await checkContent('tests/fixtures/publications')).toEqual([]);
  });
});
