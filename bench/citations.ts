// Measures the citation formatter: `npx tsx bench/citations.ts [N] [style…]` (default 1000 papers;
// apa, ieee and chicago-author-date). For each style: its engine started from the style as written
// and from the style reduced to one entry alone (entryOnly, what Folio runs); the formatter without
// a cache (N >= 100: a worker thread loads citeproc, starts the engine and formats) and from the
// cache; and the bare engines, as written one entry a call (Folio until 2026-12-06) and reduced in
// batches of 1, 100 and all N. Times of one run; CPU time is the steadier figure on a machine busy
// with other work.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CslItem } from '../src/content/bibtex/parse.js';
import { createCitationFormatter } from '../src/render/citations.js';
import { loadCiteproc, startEngine } from '../src/render/citations/engine.js';
import { prepareItem } from '../src/render/citations/entry.js';
import { findStyles } from '../src/render/citations/styles.js';

const n = Number(process.argv[2] ?? 1000);
const styles = process.argv.length > 3 ? process.argv.slice(3) : ['apa', 'ieee', 'chicago-author-date'];
const stylesDir = fileURLToPath(new URL('../templates/csl', import.meta.url));

/** A small seeded generator, so every run formats the same papers. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Kovačević', 'Müller', 'Nguyễn', 'Smith', 'García', "O'Brien", 'Chen', 'Dubois', 'Østergaard', 'Ivanova', 'Kim', 'Rossi', 'Yılmaz', 'Novák', 'Silva', 'Wang'];
const GIVEN = ['Ana', 'Jörg', 'Thị Hoa', 'John', 'María José', 'Seán', 'Wei', 'François', 'Søren', 'Elena', 'Min-jun', 'Giulia', 'Ayşe', 'Jiří', 'João', 'Li'];
const WORDS = ['Sparse', 'Graph', 'Transformers', 'Robust', 'Learning', 'Equivariant', 'Networks', 'Bayesian', 'Inference', 'Molecular', 'Dynamics', 'Scaling', 'Laws', 'Optimal', 'Transport', 'Causal', 'Discovery', 'Diffusion', 'Models', 'Kernel', 'Methods'];
const JOURNALS = ['Journal of Machine Learning Research', 'Nature Communications', 'Physical Review Letters', 'IEEE Transactions on Pattern Analysis and Machine Intelligence', 'Annals of Statistics'];
const CONFERENCES = ['Advances in Neural Information Processing Systems', 'Proceedings of the 40th International Conference on Machine Learning', 'International Conference on Learning Representations'];

function syntheticItems(count: number): CslItem[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, i): CslItem => {
    const authors: object[] = Array.from({ length: 1 + Math.floor(next() * 8) }, () => ({ family: pick(FAMILY), given: pick(GIVEN) }));
    if (next() < 0.1) authors.push({ family: 'others' });
    const title = Array.from({ length: 4 + Math.floor(next() * 6) }, () => pick(WORDS)).join(' ');
    const year = 1995 + Math.floor(next() * 31);
    const kind = next();
    const base = { id: `paper${i}`, title, author: authors, issued: { 'date-parts': [[year, 1 + Math.floor(next() * 12)]] } };
    if (kind < 0.6) return { ...base, type: 'article-journal', 'container-title': pick(JOURNALS), volume: String(1 + Math.floor(next() * 60)), issue: String(1 + Math.floor(next() * 12)), page: `${i + 1}-${i + 20}`, DOI: `10.5555/bench.${i}` };
    if (kind < 0.85) return { ...base, type: 'paper-conference', 'container-title': pick(CONFERENCES), page: `${i + 1}-${i + 12}`, publisher: 'PMLR' };
    if (kind < 0.9) return { ...base, type: 'thesis', genre: 'phdthesis', publisher: 'ETH Zürich' };
    return { ...base, type: 'document', publisher: `arXiv preprint arXiv:${2000 + (i % 500)}.${10000 + i}` };
  });
}

interface Timing {
  readonly wall: number;
  /** CPU time of this process: on a machine shared with other work, steadier than wall time. */
  readonly cpu: number;
}

async function time<T>(run: () => Promise<T> | T): Promise<Timing & { readonly value: T }> {
  const [start, startCpu] = [performance.now(), process.cpuUsage()];
  const value = await run();
  const cpu = process.cpuUsage(startCpu);
  return { value, wall: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000 };
}

const rows: string[][] = [];
const row = (style: string, phase: string, entries: number, { wall, cpu }: Timing) =>
  rows.push([style, phase, String(entries), wall.toFixed(0), cpu.toFixed(0), (wall / entries).toFixed(2), (cpu / entries).toFixed(2)]);

const items = syntheticItems(n);
const scratch = await mkdtemp(path.join(tmpdir(), 'folio-bench-citations-'));
try {
  const load = await time(() => loadCiteproc());
  rows.push(['-', 'load citeproc', '-', load.wall.toFixed(0), load.cpu.toFixed(0), '-', '-']);
  for (const name of styles) {
    const cacheDir = path.join(scratch, name);
    const style = await (await findStyles(stylesDir)).get(name)!();
    const startAsWritten = await time(() => startEngine(style, style.xml));
    rows.push([name, 'engine start, style as written', '-', startAsWritten.wall.toFixed(0), startAsWritten.cpu.toFixed(0), '-', '-']);
    const start = await time(() => startEngine(style));
    rows.push([name, 'engine start, one entry alone', '-', start.wall.toFixed(0), start.cpu.toFixed(0), '-', '-']);
    const cold = createCitationFormatter({ stylesDir, cacheDir });
    row(name, 'formatter, no cache', n, await time(() => cold.format(items, name)));
    await cold.flush();
    const cached = createCitationFormatter({ stylesDir, cacheDir });
    row(name, 'formatter, from the cache', n, await time(() => cached.format(items, name)));

    // The bare engine, without the formatter's cache and post-processing. Two rounds, taking the
    // faster of each, so that no batch size gains from the JIT having warmed up on the others.
    const prepared = items.map(prepareItem);
    const runs = [
      ['as written, batches of 1', startAsWritten.value, 1],
      ...[...new Set([1, Math.min(100, n), n])].map((size) => [`one entry alone, batches of ${size}`, start.value, size] as const),
    ] as const;
    const best = new Map<string, Timing>();
    for (let round = 0; round < 2; round++) {
      for (const [label, engine, size] of runs) {
        const timing = await time(() => {
          for (let i = 0; i < prepared.length; i += size) engine.render(prepared.slice(i, i + size));
        });
        if (!best.has(label) || timing.cpu < best.get(label)!.cpu) best.set(label, timing);
      }
    }
    for (const [label, timing] of best) row(name, `engine ${label}`, n, timing);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

const header = ['style', 'phase', 'entries', 'wall ms', 'cpu ms', 'wall ms/entry', 'cpu ms/entry'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const line of [header, widths.map((w) => '-'.repeat(w)), ...rows]) {
  console.log(line.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '));
}
