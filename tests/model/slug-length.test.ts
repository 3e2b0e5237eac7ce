import { describe, expect, it } from 'vitest';
import { fitSlug } from '../../src/model/slug-length.js';

describe('fitSlug', () => {
  it('keeps a slug that fits a folder name', () => {
    expect(fitSlug('graph-neural-networks')).toBe('graph-neural-networks');
  });

  it('cuts a long slug to 100 bytes, keeping two long slugs that start alike apart', () => {
    const a = fitSlug(`${'optimization-'.repeat(20)}a`);
    const b = fitSlug(`${'optimization-'.repeat(20)}b`);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(100);
    expect(a).toMatch(/^optimization-optimization-.*-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
  });

  it('counts bytes, not characters, and never splits a character', () => {
    const slug = fitSlug('優化'.repeat(60));
    expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(100);
    expect(slug).toMatch(/^(優化)+優?-[0-9a-f]{8}$/u);
  });
});
