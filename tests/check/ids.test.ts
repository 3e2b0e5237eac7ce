import { describe, expect, it } from 'vitest';
import { checkDuplicateIds } from '../../src/check/ids.js';
import { parsePage } from '../../src/check/parse.js';
import { at, checkFixture, placed } from './fixture.js';

describe('duplicate ids', () => {
  it('reports each later use of an id, naming the line of the first (fixture duplicate-ids/)', async () => {
    const found = await checkFixture('duplicate-ids');
    expect(placed(found)).toEqual(['DuplicateId index.html:12', 'DuplicateId index.html:14']);
    expect(at(found, 'index.html', 12)).toMatchObject({ column: 5, message: 'The id "results" is already used on line 10.' });
    expect(at(found, 'index.html', 14).message).toContain('line 10');
  });

  it('counts ids inside inline SVG, and compares them case-sensitively', () => {
    const page = parsePage('x.html', '<p id="a"></p><p id="A"></p>\n<svg><g id="a"></g></svg>');
    expect(checkDuplicateIds(page).map((d) => `${d.line}:${d.column}`)).toEqual(['2:9']);
  });
});
