import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-fixture.js';
import { checkContent } from './fixture.js';

describe('folio check on the seed fixtures', () => {
  it.each(['cv', 'listing'])('finds no problem in seeds/%s, at a domain root and under a base path', async (seed) => {
    expect(await checkContent(`tests/fixtures/seeds/${seed}`)).toEqual([]);
    expect(await checkContent(`tests/fixtures/seeds/${seed}`, { baseUrl: 'https://user.github.io/repo/' })).toEqual([]);
  });

  // The seed's about.md (kept byte for byte) links to its thesis PDF, an upload the fixture does not carry.
  it('finds only the missing upload in seeds/academicpages', async () => {
    expect(await checkContent('tests/fixtures/seeds/academicpages')).toEqual([
      expect.stringMatching(/^BrokenLink index\.html:\d+: `\.\.\/assets\/papers\/master_thesis\.pdf` \(a href\) finds no page or file/),
    ]);
  });

  it('finds no problem in seeds/academicpages once that upload is in public/', async () => {
    const publicDir = await mkdtemp(path.join(tmpdir(), 'folio-seed-public-'));
    try {
      await cp(path.join(ROOT, 'public'), publicDir, { recursive: true });
      await cp(path.join(ROOT, 'tests/fixtures/check/seed-uploads/academicpages'), publicDir, { recursive: true });
      expect(await checkContent('tests/fixtures/seeds/academicpages', { public: publicDir })).toEqual([]);
    } finally {
      await rm(publicDir, { recursive: true, force: true });
    }
  });
});
