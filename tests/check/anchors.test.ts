import { describe, expect, it } from 'vitest';
import { anchorTargets, reachesAnchor } from '../../src/check/anchors.js';
import { parsePage } from '../../src/check/parse.js';
import { at, checkFixture, placed } from './fixture.js';

describe('anchors', () => {
  it('reports #fragments with no element of that id, on the same page and on others (fixture anchors/)', async () => {
    const found = await checkFixture('anchors');
    expect(placed(found)).toEqual(['BrokenAnchor index.html:12', 'BrokenAnchor index.html:14', 'BrokenAnchor other/index.html:12']);
    expect(at(found, 'index.html', 14).message).toContain('#nope, but other/index.html has no element');
    // Ids are case-sensitive: #Intro is not #intro.
    expect(at(found, 'other/index.html', 12)).toMatchObject({ column: 56, message: expect.stringContaining('#Intro') });
  });

  it.each([
    ['intro', true],
    ['', true],
    ['top', true],
    ['TOP', true],
    [':~:text=Results', true],
    ['caf%C3%A9', true],
    ['café', true],
    ['Intro', false],
    ['results', false],
    ['%E0%A4%A', false],
  ])('#%s reaches an anchor: %s', (fragment, expected) => {
    expect(reachesAnchor(fragment, new Set(['intro', 'café']))).toBe(expected);
  });

  it('counts every id and the name of <a>, as browsers do', () => {
    const page = parsePage('x.html', '<h2 id="a">A</h2><a name="b">B</a><p name="c">C</p><svg><g id="d"></g></svg>');
    expect([...anchorTargets(page)].sort()).toEqual(['a', 'b', 'd']);
  });
});
