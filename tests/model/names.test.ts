import { describe, expect, it } from 'vitest';
import { nameMatcher, normaliseName, parseName, splitMarks } from '../../src/model/names.js';

describe('owner matching', () => {
  const isAda = nameMatcher(['Ada Kovačević', 'Kovacevic, Ada M.']);

  it.each([
    [{ family: 'Kovačević', given: 'Ada' }, true],
    [{ family: 'Kovacevic', given: 'Ada' }, true],
    [{ family: 'KOVAČEVIĆ', given: 'ada' }, true],
    [{ family: 'Kovačević', given: 'A.' }, true],
    [{ family: 'Kovačević', given: 'A. M.' }, true],
    [{ family: 'Kovačević', given: 'Ana' }, false],
    [{ family: 'Kovač', given: 'Ada' }, false],
    [{ family: 'Lovelace', given: 'Ada' }, false],
  ])('%o → %s', (name, expected) => {
    expect(isAda(name)).toBe(expected);
  });

  it('matches von particles written either way', () => {
    expect(nameMatcher(['John von Neumann'])({ family: 'von Neumann', given: 'John' })).toBe(true);
    expect(parseName('von Neumann, John')).toEqual({ family: 'von Neumann', given: 'John' });
  });

  it('splits al-folio contribution marks off a name', () => {
    expect(splitMarks('Einstein*†')).toEqual({ text: 'Einstein', marks: '*†' });
  });

  it.each([
    ['Müller-Ström', 'muller strom'],
    ['Øster', 'oster'],
    ['Strauß', 'strauss'],
  ])('normalises %s', (input, output) => {
    expect(normaliseName(input)).toBe(output);
  });
});

describe('an initial-only variant', () => {
  it('claims every given name with that initial, as the owner asked', () => {
    const isOwner = nameMatcher(['A. Kovačević']);
    expect(isOwner({ family: 'Kovacevic', given: 'Ana' })).toBe(true);
    expect(isOwner({ family: 'Kovacevic', given: 'Boris' })).toBe(false);
  });
});
