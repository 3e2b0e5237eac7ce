import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/model/metrics.js';

describe('computeMetrics', () => {
  it.each([
    { counts: [], h: 0, i10: 0, citations: 0 },
    { counts: [0, 0, 0], h: 0, i10: 0, citations: 0 },
    { counts: [1], h: 1, i10: 0, citations: 1 },
    // Ties at the threshold: three papers with 3 citations give h = 3, not 4.
    { counts: [3, 3, 3, 3], h: 3, i10: 0, citations: 12 },
    { counts: [10, 10, 9], h: 3, i10: 2, citations: 29 },
    { counts: [100, 50, 2, 1], h: 2, i10: 2, citations: 153 },
    // The seed listing: 8 papers, 143 citations, h-index 3.
    { counts: [94, 37, 6, 2, 2, 1, 1, 0], h: 3, i10: 2, citations: 143 },
  ])('$counts → h $h, i10 $i10, $citations citations', ({ counts, h, i10, citations }) => {
    expect(computeMetrics(counts)).toMatchObject({ papers: counts.length, hIndex: h, i10Index: i10, citations });
  });

  it('counts papers without a citation count as papers, but not as citations', () => {
    expect(computeMetrics([5, undefined, 7, undefined])).toEqual({ papers: 4, counted: 2, citations: 12, hIndex: 2, i10Index: 0 });
  });
});
