import { describe, expect, it } from 'vitest';
import { buildQueue, problemOf } from '../../src/serve/rebuild.js';

describe('buildQueue', () => {
  it('never runs two builds at once, and merges the changes made during one into the next', async () => {
    const calls: string[][] = [];
    let running = 0;
    let release = () => {};
    const queue = buildQueue(async (changed) => {
      running++;
      expect(running).toBe(1);
      calls.push([...changed]);
      await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    queue.request(['a']);
    queue.request(['b']);
    queue.request(['c', 'b']);
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    release();
    await queue.idle();
    expect(calls).toEqual([['a'], ['b', 'c']]);
  });

  it('is idle when nothing was asked', async () => {
    await expect(buildQueue(async () => {}).idle()).resolves.toBeUndefined();
  });
});

describe('problemOf', () => {
  it('keeps what the overlay shows: severity, code, place, message, hint', () => {
    expect(problemOf({ code: 'BibSyntax', severity: 'error', file: 'content/publications/a.bib', line: 3, column: 7, message: 'Unclosed brace.', hint: 'Close it.' })).toEqual({
      severity: 'error', code: 'BibSyntax', place: 'content/publications/a.bib:3:7', message: 'Unclosed brace.', hint: 'Close it.',
    });
  });
});
