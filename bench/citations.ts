// Measures the citation formatter: `npx tsx bench/citations.ts [N] [style…]` (default 1000 papers;
// apa, ieee and chicago-author-date). Each style is formatted cold (its engine starts), warm (the
// engine already running, no cache), from the cache, and through the bare engine in batches of 1,
// 100 and all N, to show what batching would buy. Times of one run; CPU time is the steadier
// figure on a machine busy with other work.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CslItem } from '../src/content/bibtex/parse.js';
import { createCitationFormatter } from '../src/render/citations.js';
import { startEngine } from '../src/render/citations/engine.js';
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
  const load = await time(async () => {
    await import('@citation-js/core');
    await import('@citation-js/plugin-csl');
  });
  rows.push(['-', 'load plugin-csl + citeproc', '-', load.wall.toFixed(0), load.cpu.toFixed(0), '-', '-']);
  for (const style of styles) {
    const cacheDir = path.join(scratch, style);
    // Started here first so its cost shows apart; the formatter then finds it in plugin-csl's engine cache.
    const start = await time(async () => startEngine(await (await findStyles(stylesDir)).get(style)!()));
    const engine = start.value;
    rows.push([style, 'engine start', '-', start.wall.toFixed(0), start.cpu.toFixed(0), '-', '-']);
    const cold = createCitationFormatter({ stylesDir, cacheDir });
    const first = await time(() => cold.format(items, style));
    row(style, 'cold: engine start + format', n, { wall: start.wall + first.wall, cpu: start.cpu + first.cpu });
    await cold.flush();
    const warm = createCitationFormatter({ stylesDir });
    row(style, 'warm: format, engine running', n, await time(() => warm.format(items, style)));
    const cached = createCitationFormatter({ stylesDir, cacheDir });
    row(style, 'from the cache', n, await time(() => cached.format(items, style)));

    // The bare engine, without the formatter's cache and post-processing. Two rounds, taking the
    // faster of each, so that no batch size gains from the JIT having warmed up on the others.
    const prepared = items.map(prepareItem);
    const best = new Map<number, Timing>();
    for (let round = 0; round < 2; round++) {
      for (const size of new Set([1, Math.min(100, n), n])) {
        const timing = await time(() => {
          for (let i = 0; i < prepared.length; i += size) engine.render(prepared.slice(i, i + size));
        });
        if (!best.has(size) || timing.cpu < best.get(size)!.cpu) best.set(size, timing);
      }
    }
    for (const [size, timing] of best) row(style, `engine, batches of ${size}`, n, timing);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}

const header = ['style', 'phase', 'entries', 'wall ms', 'cpu ms', 'wall ms/entry', 'cpu ms/entry'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const line of [header, widths.map((w) => '-'.repeat(w)), ...rows]) {
  console.log(line.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  '));
}
