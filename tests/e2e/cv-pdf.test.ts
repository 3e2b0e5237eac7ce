import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { buildFixture, type BuiltSite } from '../helpers/build-fixture.js';

describe('folio cv-pdf in Debian\'s Chromium', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('content');
  });
  afterAll(() => site.cleanup());

  it('prints the CV page to a multi-page A4 PDF', async () => {
    const out: string[] = [];
    const code = await main(['cv-pdf', '--out', site.out], { stdout: (t) => out.push(t), stderr: (t) => out.push(t), colour: false });
    expect(code, out.join('\n')).toBe(0);
    const pdf = await readFile(path.join(site.out, 'cv.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    // A4 is 595 x 842 points.
    expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
  }, 60_000);
});
