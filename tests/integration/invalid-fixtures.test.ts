import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/error-catalogue.js';
import { build, BuildFailed, type Diagnostic } from '../../src/index.js';
import { ROOT } from '../helpers/build-fixture.js';
import { hashTree } from '../helpers/hash-tree.js';

/**
 * One tiny broken site per problem: tests/fixtures/invalid/<Code>[-<variant>]/ holds content/ (and,
 * when the case needs it, templates/) and expected.json naming the diagnostic it must produce, with
 * its file relative to the fixture. Fixtures whose expected.json says `"builds": true` must build.
 */
const FIXTURES = path.join(ROOT, 'tests/fixtures/invalid');

interface ExpectedDiagnostic {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly field?: string;
}

interface ExpectedBuild {
  readonly builds: true;
  /** Fixture files that must really start with a byte-order mark or end lines with CRLF (so Git did not convert them). */
  readonly written?: Readonly<Record<string, 'bom' | 'crlf'>>;
  /** Output file → texts it must contain (after collapsing whitespace). */
  readonly contains: Readonly<Record<string, readonly string[]>>;
  readonly excludes?: Readonly<Record<string, readonly string[]>>;
}

const fixtures = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()
  .map((name) => ({ name, expected: JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as ExpectedDiagnostic | ExpectedBuild }));

const failing = fixtures.filter((f): f is { name: string; expected: ExpectedDiagnostic } => !('builds' in f.expected));
const building = fixtures.filter((f): f is { name: string; expected: ExpectedBuild } => 'builds' in f.expected);
const errors = failing.filter((f) => f.expected.severity === 'error').map((f) => [f.name, f.expected] as const);
const warnings = failing.filter((f) => f.expected.severity === 'warning').map((f) => [f.name, f.expected] as const);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A diagnostic as expected.json writes it: the file relative to the fixture, `/`-separated. */
function project(d: Diagnostic, fixture: string) {
  const file = path.relative(fixture, path.resolve(d.file)).split(path.sep).join('/');
  return { code: d.code as string, severity: d.severity, file, line: d.line, column: d.column, field: d.field };
}

describe('tests/fixtures/invalid', () => {
  let tmp: string;
  let out: string;
  beforeEach(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'folio-invalid-'));
    out = path.join(tmp, 'dist');
  });
  afterEach(() => rm(tmp, { recursive: true, force: true }));

  /** Builds fixture `name` with the repository's templates (unless it has its own) and no public/ folder. */
  const buildFixture = (name: string, strict = false) => {
    const dir = path.join(FIXTURES, name);
    const own = path.join(dir, 'templates');
    return build({
      content: path.join(dir, 'content'),
      templates: existsSync(own) ? own : path.join(ROOT, 'templates'),
      public: path.join(tmp, 'public'),
      out,
      strict,
    });
  };

  /** Fills the output folder with a previous "site" and returns its hashes. */
  const previousSite = async () => {
    await mkdir(path.join(out, 'old'), { recursive: true });
    await writeFile(path.join(out, 'marker.txt'), `previous build ${tmp}\n`);
    await writeFile(path.join(out, 'old/index.html'), '<!doctype html><title>old</title>\n');
    return hashTree(out);
  };

  /** Runs a build that must fail, and returns its diagnostics. */
  const failedBuild = async (name: string, strict = false): Promise<Diagnostic[]> => {
    let result;
    try {
      result = await buildFixture(name, strict);
    } catch (error) {
      if (error instanceof BuildFailed) return [...error.diagnostics];
      throw error;
    }
    expect.fail(`the build succeeded; warnings: ${JSON.stringify(result.warnings.map((d) => project(d, path.join(FIXTURES, name))))}`);
  };

  /** Runs a build that must succeed; a BuildFailed fails the test with its diagnostics. */
  const succeededBuild = async (name: string, strict = false) => {
    try {
      return await buildFixture(name, strict);
    } catch (error) {
      if (!(error instanceof BuildFailed)) throw error;
      return expect.fail(`the build failed: ${JSON.stringify(error.diagnostics.map((d) => ({ ...project(d, path.join(FIXTURES, name)), message: d.message })))}`);
    }
  };

  const expectReported = (diagnostics: readonly Diagnostic[], name: string, expected: ExpectedDiagnostic, severity = expected.severity) => {
    const fixture = path.join(FIXTURES, name);
    const seen = diagnostics.map((d) => project(d, fixture));
    expect(seen).toContainEqual(expect.objectContaining({ ...expected, severity }));
    // Each fixture is one mistake: nothing else may be wrong with it.
    expect(seen.filter((d) => d.code !== expected.code && d.severity === 'error')).toEqual([]);
  };

  it('names each fixture after a catalogue code', () => {
    const unknown = failing.filter((f) => !(f.expected.code in CATALOGUE) || !f.name.startsWith(f.expected.code)).map((f) => `${f.name}: ${f.expected.code}`);
    expect(unknown).toEqual([]);
  });

  it.each(errors)('%s: reported with its file and line; the previous site stays as it was', async (name, expected) => {
    const before = await previousSite();
    const diagnostics = await failedBuild(name);
    expectReported(diagnostics, name, expected);
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(tmp)).toEqual(['dist']);
  });

  it.each(warnings)('%s: a warning; an error under strict that leaves the previous site as it was', async (name, expected) => {
    const result = await succeededBuild(name);
    expectReported(result.warnings, name, expected);

    await rm(out, { recursive: true, force: true });
    const before = await previousSite();
    const diagnostics = await failedBuild(name, true);
    expectReported(diagnostics, name, expected, 'error');
    expect(await hashTree(out)).toEqual(before);
    expect(await readdir(tmp)).toEqual(['dist']);
  });

  it.each(building.map((f) => [f.name, f.expected] as const))('%s: builds', async (name, expected) => {
    for (const [file, form] of Object.entries(expected.written ?? {})) {
      const bytes = await readFile(path.join(FIXTURES, name, file));
      const written = form === 'bom' ? bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) : bytes.includes('\r\n');
      expect(written, `${file} is written with ${form}`).toBe(true);
    }
    const result = await succeededBuild(name, true);
    expect(result.warnings).toEqual([]);
    for (const [file, texts] of Object.entries(expected.contains)) {
      const html = await readFile(path.join(out, file), 'utf8');
      const text = squash(load(html)('body').text());
      for (const phrase of texts) expect(text, file).toContain(phrase);
    }
    for (const [file, texts] of Object.entries(expected.excludes ?? {})) {
      const html = await readFile(path.join(out, file), 'utf8');
      for (const phrase of texts) expect(html, file).not.toContain(phrase);
    }
  });
});
