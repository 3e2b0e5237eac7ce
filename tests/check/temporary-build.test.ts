import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTemporaryBuild } from '../../src/check/index.js';
import { BuildFailed } from '../../src/errors.js';
import { ROOT } from '../helpers/build-fixture.js';
import { useScratchWithTmpdir } from './fixture.js';

describe('withTemporaryBuild', () => {
  // The command's temporary build goes to scratch.temp, so the tests can see it is removed.
  const scratch = useScratchWithTmpdir('folio-scratch.temp-build-');

  const options = (content = 'tests/fixtures/check/content-clean') => ({
    content: path.join(ROOT, content),
    templates: path.join(ROOT, 'templates'),
    public: path.join(ROOT, 'public'),
    out: path.join(scratch.dir, 'dist'),
  });

  it('builds into the temporary folder, not --out, with the address from site.yml, and removes it afterwards', async () => {
    const seen = await withTemporaryBuild(options(), async ({ out, result, address }) => {
      expect(out.startsWith(scratch.temp)).toBe(true);
      expect(await readdir(out)).toContain('index.html');
      return { pages: result.pages, address };
    });
    expect(seen).toEqual({ pages: 3, address: { origin: 'https://grace.example.org', basePath: '' } });
    expect(existsSync(path.join(scratch.dir, 'dist'))).toBe(false);
    expect(await readdir(scratch.temp)).toEqual([]);
  });

  it('keeps no copy of the throwaway site in the build cache', async () => {
    const cacheDir = path.join(scratch.dir, 'cache');
    for (let i = 0; i < 2; i++) await withTemporaryBuild({ ...options(), cacheDir }, async () => undefined);
    // The cache itself is used (markdown, templates), but not to keep the output.
    expect(await readdir(cacheDir)).toContain('markdown.json');
    expect(await readdir(cacheDir)).not.toContain('output');
  });

  it('takes the address from --base-url when given', async () => {
    const address = await withTemporaryBuild({ ...options(), baseUrl: 'https://user.github.io/repo/' }, async (site) => site.address);
    expect(address).toEqual({ origin: 'https://user.github.io', basePath: '/repo' });
  });

  it('removes the folder when the check fails', async () => {
    await expect(withTemporaryBuild(options(), async () => { throw new Error('check broke'); })).rejects.toThrow('check broke');
    expect(await readdir(scratch.temp)).toEqual([]);
  });

  it('removes the folder when the build fails', async () => {
    await expect(withTemporaryBuild(options('tests/fixtures/check/no-such-content'), async () => 'unreached')).rejects.toBeInstanceOf(BuildFailed);
    expect(await readdir(scratch.temp)).toEqual([]);
  });
});
