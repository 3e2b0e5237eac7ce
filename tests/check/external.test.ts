import { describe, expect, it } from 'vitest';
import { malformedReason } from '../../src/check/external.js';
import { at, checkFixture, placed } from './fixture.js';

describe('malformed URLs', () => {
  it.each([
    ['http//example.org/', 'the `:` after http(s) is missing'],
    ['https//example.org/', 'the `:` after http(s) is missing'],
    ['http:/example.org/', 'two slashes'],
    ['https:example.org', 'two slashes'],
    ['https://', 'no host'],
    ['https:///path', 'no host'],
    ['https://?q=1', 'no host'],
    ['https://https://example.org/', 'repeats'],
    ['www.example.org', 'starts with `www.`'],
    ['mailto:', 'no e-mail address'],
    ['mailto:?subject=Hi', 'no e-mail address'],
    ['https://exa mple.org/', 'contains a space'],
    ['https://example.org/my paper.pdf', 'contains a space'],
  ])('%s is malformed: %s', (url, reason) => {
    expect(malformedReason(url)).toContain(reason);
  });

  it.each(['https://example.org/', 'http://example.org/a%20b', 'mailto:ada@example.org?subject=Hi', 'files/my paper.pdf', '/https-notes/', 'tel:+41000000', '#www.section', 'HTTPS://EXAMPLE.ORG/'])(
    '%s is fine',
    (url) => {
      expect(malformedReason(url)).toBeUndefined();
    },
  );

  it('reports each malformed link and image in a page, and not the good ones (fixture malformed-urls/)', async () => {
    const found = await checkFixture('malformed-urls');
    expect(placed(found)).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21].map((line) => `MalformedUrl index.html:${line}`));
    expect(at(found, 'index.html', 20).message).toContain('`http://[::1`');
    expect(at(found, 'index.html', 20).message).toContain('cannot parse');
    expect(at(found, 'index.html', 21).message).toContain('(img src)');
  });
});
