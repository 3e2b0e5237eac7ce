import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isScratchFile, watchFolders } from '../../src/serve/watch.js';
import { EVENT_TIMEOUT } from './helpers.js';

describe('watchFolders', () => {
  it('keeps seeing a file after an atomic save', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'folio-watch-'));
    const page = path.join(dir, 'page.md');
    await writeFile(page, 'one');
    const changed = new Set<string>();
    const stop = await watchFolders([dir, path.join(dir, 'missing')], (files) => files.forEach((f) => changed.add(f)));
    const reported = async (file: string) => {
      for (const deadline = Date.now() + EVENT_TIMEOUT; !changed.has(file); await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() > deadline) throw new Error(`${file} was not reported`);
      }
    };
    try {
      // An editor's atomic save: write a temporary file, rename it over the page.
      await writeFile(path.join(dir, '.page.md.tmp'), 'two');
      await rename(path.join(dir, '.page.md.tmp'), page);
      await reported(page);
      // Let the save's last events (the temporary file's removal) arrive before looking again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      changed.clear();
      // Node 20's recursive fs.watch loses the page from here on; the watcher must not.
      await writeFile(page, 'three');
      await reported(page);
    } finally {
      await stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('isScratchFile', () => {
  it.each([
    ['content/pages/.index.md.swp', true],
    ['content/pages/index.md~', true],
    ['content/pages/.#index.md', true],
    ['content/pages/#index.md#', true],
    ['content/pages/4913', true],
    ['content/.git/index', true],
    ['content/pages/index.md', false],
    ['public/files/cv.pdf', false],
  ])('%s: %s', (file, scratch) => {
    expect(isScratchFile(file)).toBe(scratch);
  });
});
