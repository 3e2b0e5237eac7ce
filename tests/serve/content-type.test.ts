import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../src/serve/content-type.js';

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/css/folio.css', 'text/css; charset=utf-8'],
    ['feed.xml', 'application/xml; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['publications/smith2020.bib', 'text/plain; charset=utf-8'],
    ['images/avatar.svg', 'image/svg+xml'],
    ['images/Photo.JPG', 'image/jpeg'],
    ['files/cv.pdf', 'application/pdf'],
    ['favicon.ico', 'image/x-icon'],
    ['fonts/a.woff2', 'font/woff2'],
    ['.nojekyll', 'application/octet-stream'],
    ['CNAME', 'application/octet-stream'],
    ['slides.key', 'application/octet-stream'],
    ['a.b/c', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});
