import { describe, expect, it } from 'vitest';
import { TextMemo } from '../../src/content/memo.js';
import { parseYaml } from '../../src/content/yaml.js';

describe('TextMemo', () => {
  it('makes a value once per key, forgets the oldest beyond its size, and remembers no failure', () => {
    const memo = new TextMemo<string>(2);
    let made = 0;
    const make = (v: string) => () => {
      made++;
      return v;
    };
    expect([memo.get('a', make('A')), memo.get('a', make('X'))]).toEqual(['A', 'A']);
    memo.get('b', make('B'));
    memo.get('c', make('C'));
    expect(memo.get('a', make('A2'))).toBe('A2');
    expect(made).toBe(4);
    expect(() => memo.get('d', () => { throw new Error('bad'); })).toThrow('bad');
    expect(memo.get('d', make('D'))).toBe('D');
  });

  it('tells `remembered` of a value found, and only then', () => {
    const memo = new TextMemo<string>(2);
    const told: string[] = [];
    memo.get('a', () => 'A', (value) => told.push(value));
    expect(told).toEqual([]);
    memo.get('a', () => 'X', (value) => told.push(value));
    expect(told).toEqual(['A']);
  });
});

describe('parseYaml, remembered', () => {
  it('gives each caller its own copy of the data', () => {
    const first = parseYaml('title: A\ntags: [x]\n', 'a.md', 'InvalidFrontMatter');
    (first.data as { tags: string[] }).tags.push('changed');
    const second = parseYaml('title: A\ntags: [x]\n', 'a.md', 'InvalidFrontMatter');
    expect(second.data).toEqual({ title: 'A', tags: ['x'] });
    expect(second.lineOf(['tags'])).toBe(2);
  });
});
