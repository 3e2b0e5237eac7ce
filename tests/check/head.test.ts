import { describe, expect, it } from 'vitest';
import { checkHead } from '../../src/check/head.js';
import { parsePage } from '../../src/check/parse.js';
import { at, checkFixture, placed } from './fixture.js';

describe('titles and descriptions', () => {
  it('reports pages without a title or description, or with empty ones (fixture head/)', async () => {
    const found = await checkFixture('head');
    expect(placed(found)).toEqual([
      'MissingDescription empty-description.html:6',
      'MissingTitle empty-title.html:5',
      'MissingDescription no-description.html:3',
      'MissingTitle no-title.html:3',
    ]);
    expect(at(found, 'no-title.html', 3).message).toBe('The page has no <title>.');
    expect(at(found, 'empty-title.html', 5).message).toBe('The page\'s <title> is empty.');
  });

  it('needs no description on a page marked noindex, like redirects and 404.html', () => {
    const page = (meta: string) => parsePage('p.html', `<!DOCTYPE html><html><head><title>T</title>${meta}</head></html>`);
    expect(checkHead(page('<meta name="robots" content="noindex">'))).toEqual([]);
    expect(checkHead(page('<meta name="ROBOTS" content="noindex, follow">'))).toEqual([]);
    expect(checkHead(page('<meta name="robots" content="index">')).map((d) => d.code)).toEqual(['MissingDescription']);
  });

  it('does not take the <title> of an inline SVG icon for the page\'s', () => {
    const page = parsePage('p.html', '<!DOCTYPE html><html><head><meta name="description" content="D"></head><body><svg><title>Icon</title></svg></body></html>');
    expect(page.title).toBeUndefined();
    expect(checkHead(page).map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['MissingTitle 1:22']);
  });

  it('still needs a title on a redirect page', () => {
    const redirect = parsePage('old.html', '<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; url=/"><meta name="robots" content="noindex"></head></html>');
    expect(checkHead(redirect).map((d) => d.code)).toEqual(['MissingTitle']);
  });
});
