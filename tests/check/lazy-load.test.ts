import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/build-fixture.js';

// Counts loads of html-validate. In a file of its own, so that no earlier test has loaded it.
const validator = vi.hoisted(() => ({ loads: 0 }));
vi.mock('html-validate', async (original) => {
  validator.loads++;
  return original();
});

describe('html-validate', () => {
  const dir = mkdtemp(path.join(tmpdir(), 'folio-lazy-'));
  afterAll(async () => rm(await dir, { recursive: true, force: true }));
  const io = { stdout: () => {}, stderr: () => {}, colour: false };
  const flags = async () => ['--content', path.join(ROOT, 'tests/fixtures/check/content-clean'), '--templates', path.join(ROOT, 'templates'), '--public', path.join(ROOT, 'public'), '--out', path.join(await dir, 'dist')];

  it('is loaded by `folio check` only, so `folio build` never pays for it', async () => {
    expect(await main(['build', ...(await flags())], io)).toBe(0);
    expect(validator.loads).toBe(0);
    expect(await main(['check', ...(await flags())], io)).toBe(0);
    expect(validator.loads).toBe(1);
  });
});
