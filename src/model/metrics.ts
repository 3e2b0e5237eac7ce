/** Citation metrics as Google Scholar computes them. */
export interface Metrics {
  readonly papers: number;
  /** Papers with a known citation count. */
  readonly counted: number;
  readonly citations: number;
  /** The largest h such that h papers have at least h citations each. */
  readonly hIndex: number;
  /** Papers with at least 10 citations. */
  readonly i10Index: number;
}

/** Metrics of a list of papers; a paper without a count counts as a paper but adds no citations. */
export function computeMetrics(counts: readonly (number | undefined)[]): Metrics {
  const known = counts.filter((c): c is number => c !== undefined && Number.isFinite(c) && c >= 0);
  const sorted = [...known].sort((a, b) => b - a);
  let hIndex = 0;
  while (hIndex < sorted.length && sorted[hIndex]! >= hIndex + 1) hIndex++;
  return {
    papers: counts.length,
    counted: known.length,
    citations: known.reduce((sum, c) => sum + c, 0),
    hIndex,
    i10Index: known.filter((c) => c >= 10).length,
  };
}
