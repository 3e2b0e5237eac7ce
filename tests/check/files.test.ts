import { describe, expect, it } from 'vitest';
import { indexFiles } from '../../src/check/files.js';

describe('indexFiles', () => {
  const files = indexFiles(['index.html', 'talks/index.html', 'files/CV.pdf', 'about.html']);
  it.each([
    ['', { found: 'index.html' }],
    ['talks/', { found: 'talks/index.html' }],
    ['talks', { found: 'talks/index.html' }],
    ['about.html', { found: 'about.html' }],
    ['files/CV.pdf', { found: 'files/CV.pdf' }],
    ['files/cv.pdf', { differentCase: 'files/CV.pdf' }],
    ['Talks/', { differentCase: 'talks/index.html' }],
    ['about', undefined],
    ['files/', undefined],
    ['nothing.pdf', undefined],
  ])('%j finds %o', (path, expected) => {
    expect(files.lookup(path)).toEqual(expected);
  });
});
