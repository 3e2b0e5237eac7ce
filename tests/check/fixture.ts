import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { checkSite, readSite, withTemporaryBuild, type SiteAddress } from '../../src/check/index.js';
import type { Diagnostic } from '../../src/errors.js';
import type { BuildOptions } from '../../src/index.js';
import { ROOT } from '../helpers/build-fixture.js';

/** A site published at a domain root, as most fixtures are. */
export const AT_ROOT: SiteAddress = { origin: 'https://example.org', basePath: '' };

/** Checks the built HTML tree tests/fixtures/check/<name>/ as if published at `address`. */
export async function checkFixture(name: string, address: SiteAddress = AT_ROOT): Promise<Diagnostic[]> {
  return checkSite(await readSite(path.join(ROOT, 'tests/fixtures/check', name)), address);
}

/** Each problem as the report names it: `Code file:line`. */
export function placed(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code} ${d.file}:${d.line}`);
}

/** The one problem reported at `file:line`, for asserting its message. */
export function at(diagnostics: readonly Diagnostic[], file: string, line: number): Diagnostic {
  const found = diagnostics.filter((d) => d.file === file && d.line === line);
  if (found.length !== 1) throw new Error(`expected one problem at ${file}:${line}, found ${found.length}`);
  return found[0]!;
}

/** What `folio check` reports for a content folder built with the default theme, as `Code file:line: message` strings. */
export async function checkContent(content: string, options: Omit<BuildOptions, 'content'> = {}): Promise<string[]> {
  const found = await withTemporaryBuild(
    { templates: path.join(ROOT, 'templates'), public: path.join(ROOT, 'public'), ...options, content: path.join(ROOT, content) },
    async ({ out, address }) => checkSite(await readSite(out), address),
  );
  return found.map((d) => `${d.code} ${d.file}:${d.line}: ${d.message}`);
}

/** A scratch folder per test, with TMPDIR pointed at its `tmp/`, so a test sees what a temporary build leaves. */
export interface ScratchWithTmpdir {
  /** The scratch folder of the running test. */
  readonly dir: string;
  /** Its `tmp/`, where temporary builds go. */
  readonly temp: string;
}

export function useScratchWithTmpdir(prefix: string): ScratchWithTmpdir {
  const scratch = { dir: '', temp: '' };
  const savedTmp = process.env.TMPDIR;
  beforeEach(async () => {
    scratch.dir = await mkdtemp(path.join(tmpdir(), prefix));
    scratch.temp = path.join(scratch.dir, 'tmp');
    await mkdir(scratch.temp);
    process.env.TMPDIR = scratch.temp;
  });
  afterEach(async () => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    await rm(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
