import { hash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/version.js';
import { ROOT } from '../helpers/build-fixture.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), colour: false }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('folio', () => {
  it('prints help and the version', async () => {
    expect(await run(['--help'])).toMatchObject({ code: 0, out: expect.stringContaining('folio build [options]') });
    expect(await run(['--version'])).toMatchObject({ code: 0, out: VERSION });
  });

  it.each([[['deploy']], [['build', '--colour']], [['build', 'extra']], [[]]])('exits 2 on a usage error: %j', async (argv) => {
    expect((await run(argv)).code).toBe(2);
  });
});

describe('folio build', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-cli-'));
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  const flags = () => ['--content', path.join(dir, 'content'), '--templates', path.join(ROOT, 'templates'), '--public', path.join(dir, 'public'), '--out', path.join(dir, 'dist')];

  it('ends with one summary line of pages, publications, talks, files and milliseconds', async () => {
    await mkdir(path.join(dir, 'content/pages'), { recursive: true });
    await writeFile(path.join(dir, 'content/site.yml'), 'title: Tiny\nauthor: {name: Ada}\n');
    await writeFile(path.join(dir, 'content/pages/index.md'), '---\ntitle: Home\n---\nHello.\n');
    const { code, out } = await run(['build', ...flags()]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Built \d+ pages, 0 publications, 0 talks: \d+ files written in \d+ ms\.$/);
    expect(await readFile(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Hello.');
  });

  it('counts the files a rebuild left as they were apart from those it wrote', async () => {
    // On a researcher's machine; CI keeps nothing for a next build (below).
    vi.stubEnv('CI', '');
    await mkdir(path.join(dir, 'content/pages'), { recursive: true });
    await writeFile(path.join(dir, 'content/site.yml'), 'title: Tiny\nauthor: {name: Ada}\n');
    await writeFile(path.join(dir, 'content/pages/index.md'), '---\ntitle: Home\n---\nHello.\n');
    const first = await run(['build', ...flags()]);
    const total = Number(/: (\d+) files written in/.exec(first.out)?.[1]);
    expect(total).toBeGreaterThan(3);
    // The second build starts a new tree; from the third on, the tree of the build before last is updated.
    await run(['build', ...flags()]);
    await writeFile(path.join(dir, 'content/pages/index.md'), '---\ntitle: Home\n---\nHello again.\n');
    const { code, out } = await run(['build', ...flags()]);
    expect(code).toBe(0);
    const [, written, unchanged] = /: (\d+) files written and (\d+) unchanged in \d+ ms\.$/.exec(out) ?? [];
    // The home page and the feeds and indexes that show its text changed; the rest did not.
    expect(Number(written)).toBeGreaterThanOrEqual(1);
    expect(Number(unchanged)).toBeGreaterThan(0);
    expect(Number(written) + Number(unchanged)).toBe(total);
  });

  it('in CI, keeps no replaced site for a next build: every build writes every file', async () => {
    vi.stubEnv('CI', 'true');
    await mkdir(path.join(dir, 'content/pages'), { recursive: true });
    await writeFile(path.join(dir, 'content/site.yml'), 'title: Tiny\nauthor: {name: Ada}\n');
    await writeFile(path.join(dir, 'content/pages/index.md'), '---\ntitle: Home\n---\nHello.\n');
    for (let build = 0; build < 3; build++) {
      const { code, out } = await run(['build', ...flags()]);
      expect(code).toBe(0);
      expect(out).toMatch(/: \d+ files written in \d+ ms\.$/);
    }
    expect(await readFile(path.join(dir, 'dist/index.html'), 'utf8')).toContain('Hello.');
    // No copy of the replaced site in the build cache (relative to the working folder), for this output folder.
    const kept = path.join('node_modules/.cache/folio/output', hash('sha1', path.resolve(dir, 'dist')).slice(0, 12));
    await expect(stat(kept)).rejects.toThrow();
  });

  it('exits 1 on a content error, naming file, line and code, without a stack trace', async () => {
    await mkdir(path.join(dir, 'content/pages'), { recursive: true });
    await writeFile(path.join(dir, 'content/site.yml'), 'title: Tiny\nauthor: {name: Ada}\n');
    await writeFile(path.join(dir, 'content/pages/index.md'), '---\ntitle: "Home\n---\nHello.\n');
    const { code, err } = await run(['build', ...flags()]);
    expect(code).toBe(1);
    expect(err).toContain(`error[InvalidFrontMatter] ${path.join(dir, 'content/pages/index.md')}:2`);
    expect(err).toContain('> 2 | title: "Home');
    expect(err).not.toMatch(/\n\s+at /);
  });
});
