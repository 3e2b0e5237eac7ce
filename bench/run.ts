import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSite } from './generate.js';

/**
 * `npm run bench [-- scenario…]`: builds generated sites in fresh processes with the compiled
 * library (run `npm run prepare` first) and prints wall time, the phases and peak memory.
 * Each site is built five times: cold (no cache), warm (the cache of the first build in place,
 * every page rendered into an empty tree) and again (the cache and the output of the builds
 * before, as on a researcher's machine: only changed files are written, and pages whose inputs
 * did not change are not rendered: `kept` counts them), then edited (one entry's title changed,
 * the cache and output in place: the researcher's usual rebuild), then ci (the cache in place, a
 * new output folder, built as `folio build` builds in CI: the GitHub Pages workflow with its cache
 * restored).
 */
interface Scenario {
  readonly name: string;
  readonly entries: number;
  readonly pages: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: 'entries-100', entries: 100, pages: 10 },
  { name: 'entries-1000', entries: 1000, pages: 10 },
  { name: 'entries-10000', entries: 10000, pages: 10 },
  { name: 'pages-1000', entries: 0, pages: 1000 },
  { name: 'scale', entries: 10000, pages: 2000 },
];

const ROOT = path.resolve(import.meta.dirname, '..');
const wanted = process.argv.slice(2);
const scenarios = wanted.length ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;

const rows: string[][] = [['scenario', 'run', 'wall s', 'load', 'model', 'cite', 'render', 'write', 'peak MiB', 'pages', 'kept']];
for (const scenario of scenarios) {
  const dir = await mkdtemp(path.join(tmpdir(), `folio-bench-${scenario.name}-`));
  const content = path.join(dir, 'content');
  await generateSite(content, scenario.entries, scenario.pages);
  for (const run of ['cold', 'warm', 'again', 'edited', 'ci']) {
    if (run === 'edited') await editOneEntry(content, 0);
    const started = performance.now();
    const output = path.join(dir, run === 'ci' ? 'dist-ci' : 'dist');
    const child = spawnSync(process.execPath, [path.join(ROOT, 'bench/build-once.mjs'), content, output, path.join(dir, 'cache'), ...(run === 'ci' ? ['ci'] : [])], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = (performance.now() - started) / 1000;
    if (child.status !== 0) {
      console.error(child.stderr);
      process.exit(1);
    }
    const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { result: { pages: number; pagesKept: number; phases: Record<string, number> }; maxRssMiB: number };
    const { phases } = report.result;
    rows.push([scenario.name, run, wall.toFixed(2), ...['load', 'model', 'cite', 'render', 'write'].map((p) => `${Math.round(phases[p]!)}`), report.maxRssMiB.toFixed(0), `${report.result.pages}`, `${report.result.pagesKept}`]);
    console.error(`${scenario.name} ${run}: ${wall.toFixed(2)} s`);
  }
  await rm(dir, { recursive: true, force: true });
}

/** Changes the title of the `n`th entry of the first .bib file, as a researcher fixing a typo. */
async function editOneEntry(content: string, n: number): Promise<void> {
  const dir = path.join(content, 'publications');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bib')).sort();
  if (files.length === 0) return;
  const file = path.join(dir, files[0]!);
  let seen = -1;
  await writeFile(file, (await readFile(file, 'utf8')).replace(/title(\s*)= \{/g, (match, space: string) => (++seen === n ? `title${space}= {Revised: ` : match)));
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(`\nFolio ${process.version}, ${(await import('node:os')).cpus().length} cores; phases in ms\n`);
for (const row of rows) console.log(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
