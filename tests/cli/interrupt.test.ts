import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../bench/generate.js';
import { ROOT } from '../helpers/build-fixture.js';
import { hashTree } from '../helpers/hash-tree.js';

/** The folio command as installed (bin/folio.js over the compiled lib/). */
describe('interrupting folio build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-sigint-'));
    // Big enough that the write phase lasts long enough to be interrupted in the middle of it.
    await generateSite(path.join(dir, 'content'), 20, 400);
    // The previous site: any files will do, as long as not one byte of them changes.
    await mkdir(path.join(dir, 'dist/old-page'), { recursive: true });
    await writeFile(path.join(dir, 'dist/index.html'), '<!DOCTYPE html><title>The previous site</title>');
    await writeFile(path.join(dir, 'dist/old-page/index.html'), 'a page the next build removes');
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('leaves the previous dist/ byte for byte and no temporary folder when stopped mid-write', async () => {
    // As on a researcher's machine (in CI no replaced site is kept, and the tree is written beside dist/).
    const before = await hashTree(path.join(dir, 'dist'));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/folio.js'), 'build', '--content', 'content', '--out', 'dist', '--templates', path.join(ROOT, 'templates'), '--public', path.join(ROOT, 'public')], { cwd: dir, env: { ...process.env, CI: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the temporary tree (in the build cache, beside the tree it keeps of the site it
    // replaces) has files in it, then press Ctrl-C.
    const outputState = path.join(dir, 'node_modules/.cache/folio/output');
    const workTrees = async () => (await readdir(outputState, { recursive: true }).catch(() => [] as string[])).filter((name) => /(^|\/)work-\d+$/.test(name));
    for (let i = 0; i < 4000; i++) {
      const [temp] = await workTrees();
      if (temp && (await readdir(path.join(outputState, temp)).catch(() => [])).length > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGINT');
    const code = await exited;
    if (code === 0) return expect.fail('the build finished before it could be interrupted; make the generated site bigger');
    expect(code).toBe(130);
    expect(stderr).toContain('Interrupted');
    expect((await readdir(dir)).sort()).toEqual(['content', 'dist', 'node_modules']);
    expect(await workTrees()).toEqual([]);
    expect(await hashTree(path.join(dir, 'dist'))).toEqual(before);
  }, 120_000);
});
