import { describe, expect, it } from 'vitest';
import { at, checkFixture, placed } from './fixture.js';

describe('images without alt text', () => {
  it('reports <img> with no alt, also over several lines, and accepts alt="" (fixture missing-alt/)', async () => {
    const found = await checkFixture('missing-alt');
    expect(placed(found)).toEqual(['ImageWithoutAlt index.html:12', 'ImageWithoutAlt index.html:14']);
    expect(at(found, 'index.html', 12)).toMatchObject({ column: 4, message: expect.stringContaining('images/lab.jpg') });
  });
});
