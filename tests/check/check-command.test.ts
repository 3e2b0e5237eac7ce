import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/build-fixture.js';
import { useScratchWithTmpdir } from './fixture.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), colour: false }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('folio check', () => {
  // The command's temporary build goes to scratch.temp, so the tests can see it is removed.
  const scratch = useScratchWithTmpdir('folio-check-cli-');

  const flags = (content: string) => ['--content', path.join(ROOT, 'tests/fixtures/check', content), '--templates', path.join(ROOT, 'templates'), '--public', path.join(ROOT, 'public'), '--out', path.join(scratch.dir, 'dist')];

  it('is listed in the help', async () => {
    expect((await run(['--help'])).out).toMatch(/folio check \[options\] +build into a temporary folder and check/);
  });

  it('exits 0 with a summary line when there is no problem, and leaves no folder behind', async () => {
    const result = await run(['check', ...flags('content-clean')]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Checked 3 pages and \d+ files: no problems in \d+\.\d s\.$/);
    expect(await readdir(scratch.temp)).toEqual([]);
  });

  it('lists each problem by generated file and line with its code frame, then exits 1', async () => {
    const result = await run(['check', ...flags('content-broken')]);
    expect(result.code).toBe(1);
    const places = [...result.err.matchAll(/^error\[(\w+)\] (\S+)$/gm)].map((m) => `${m[1]} ${m[2]!.replace(/:\d+$/, '')}`);
    expect(places).toEqual([
      expect.stringMatching(/^BrokenLink index\.html:\d+$/),
      expect.stringMatching(/^MalformedUrl index\.html:\d+$/),
      expect.stringMatching(/^ImageWithoutAlt index\.html:\d+$/),
      expect.stringMatching(/^BrokenAnchor research\/index\.html:\d+$/),
    ]);
    // The frame shows the line of the generated page the problem is on.
    expect(result.err).toMatch(/^  > \d+ \| .*<a href="\/teaching\/">/m);
    expect(result.err).toMatch(/^  > \d+ \| <p>Back to <a href="#compiler">/m);
    expect(result.err.split('\n').at(-1)).toMatch(/^Checked 3 pages and \d+ files: 4 problems \(1 BrokenAnchor, 1 BrokenLink, 1 ImageWithoutAlt, 1 MalformedUrl\) in \d+\.\d s\.$/);
    expect(await readdir(scratch.temp)).toEqual([]);
  });

  it('never writes the output folder: --out is taken, as by build, but left alone', async () => {
    await mkdir(path.join(scratch.dir, 'dist'));
    await writeFile(path.join(scratch.dir, 'dist', 'index.html'), 'the site as it was');
    await run(['check', ...flags('content-broken')]);
    expect(await readdir(path.join(scratch.dir, 'dist'))).toEqual(['index.html']);
    expect(await readFile(path.join(scratch.dir, 'dist', 'index.html'), 'utf8')).toBe('the site as it was');
  });

  it('reports a failed build as build does, exits 1 and removes the temporary folder', async () => {
    const result = await run(['check', '--content', path.join(scratch.dir, 'no-content'), '--templates', path.join(ROOT, 'templates')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('error[MissingSiteConfig]');
    expect(result.err).toContain('Build failed');
    expect(await readdir(scratch.temp)).toEqual([]);
  });

  it('prints nothing on success with --quiet', async () => {
    expect(await run(['check', '--quiet', ...flags('content-clean')])).toEqual({ code: 0, out: '', err: '' });
  });
});
