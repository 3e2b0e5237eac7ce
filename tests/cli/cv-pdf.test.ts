import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { findChromium } from '../../src/output/print-pdf.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), colour: false }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('folio cv-pdf', () => {
  let dir: string;
  const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-cvpdf-'));
  });
  afterEach(async () => {
    process.env.PATH = saved.PATH;
    if (saved.CHROMIUM_PATH === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved.CHROMIUM_PATH;
    await rm(dir, { recursive: true, force: true });
  });

  it('asks for a build first when there is no CV page', async () => {
    const { code, err } = await run(['cv-pdf', '--out', path.join(dir, 'dist')]);
    expect(code).toBe(2);
    expect(err).toContain('Run `folio build` first');
  });

  it('says how to install Chromium when none is found', async () => {
    await mkdir(path.join(dir, 'dist/cv'), { recursive: true });
    await writeFile(path.join(dir, 'dist/cv/index.html'), '<!DOCTYPE html><title>CV</title>');
    process.env.PATH = dir;
    delete process.env.CHROMIUM_PATH;
    const { code, err } = await run(['cv-pdf', '--out', path.join(dir, 'dist')]);
    expect(code).toBe(2);
    expect(err).toContain('sudo apt-get install chromium');
  });

  it('finds a browser through CHROMIUM_PATH, and only an executable file', async () => {
    const fake = path.join(dir, 'my-chromium');
    await writeFile(fake, '#!/bin/sh\n', { mode: 0o755 });
    expect(await findChromium({ CHROMIUM_PATH: fake, PATH: '' })).toBe(fake);
    expect(await findChromium({ CHROMIUM_PATH: dir, PATH: '' })).toBeUndefined();
    expect(await findChromium({ PATH: dir })).toBeUndefined();
  });
});
