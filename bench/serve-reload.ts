// Measures `folio serve` from save to reload: `npx tsx bench/serve-reload.ts [N]` (default 20 edits).
// Serves a copy of the example site on port 0, listens to the live-reload event stream as a tab
// does, then N times appends a word to one page and times the reload event and the moment the new
// text is served. A second chokidar watcher on the same folder splits the time into: the file
// system noticing the save, the debounce and queue, the rebuild, and the event reaching the tab.
// Two warm-up edits come first and are not counted. The event stream is read in this same process,
// so a rebuild that blocks the event loop also delays the reading, as it would not in a browser.
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { watch } from 'chokidar';
import { serve, type ServeEvent } from '../src/serve/index.js';
import { EVENTS_PATH } from '../src/serve/live-reload.js';

const EDITS = Number(process.argv[2] ?? 20);
const WARM_UP = 2;
const TARGET_MS = 100;
const PAGE = 'pages/research/index.md';
const PAGE_URL = '/research/';
const ROOT = path.resolve(import.meta.dirname, '..');

/** When each step of one edit happened, in performance.now() milliseconds. */
interface Edit {
  saved: number;
  noticed?: number;
  buildStarted?: number;
  built?: number;
  phases?: Record<string, number>;
  reloaded?: number;
  fetched?: number;
}

const dir = await mkdtemp(path.join(tmpdir(), 'folio-bench-serve-'));
const content = path.join(dir, 'content');
await cp(path.join(ROOT, 'content'), content, { recursive: true });
const page = path.join(content, PAGE);

let current: Edit | undefined;
let strayReloads = 0;
const server = await serve({
  content,
  templates: path.join(ROOT, 'templates'),
  public: path.join(ROOT, 'public'),
  out: path.join(dir, 'dist'),
  // Its own cache folder, so the bench neither uses nor disturbs the repository's.
  cacheDir: path.join(dir, 'cache'),
  port: 0,
  onEvent: (event: ServeEvent) => {
    if (event.kind !== 'built' || event.first || !current) return;
    const now = performance.now();
    current.built = now;
    current.buildStarted = now - event.milliseconds;
    current.phases = { ...event.phases };
  },
});
const origin = `http://127.0.0.1:${server.port}`;

// The same watcher settings as src/serve/watch.ts, to see when the file system reports the save.
const probe = watch(content, { ignoreInitial: true });
probe.on('change', (file) => {
  if (current && file === page && current.noticed === undefined) current.noticed = performance.now();
});
await new Promise<void>((resolve) => probe.once('ready', () => resolve()));

let onReload = () => {};
const events = new AbortController();
const stream = await fetch(`${origin}${EVENTS_PATH}`, { signal: events.signal });
void (async () => {
  let buffer = '';
  try {
    for await (const chunk of stream.body!.pipeThrough(new TextDecoderStream())) {
      buffer += chunk;
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop()!;
      for (const block of blocks) if (block.startsWith('event: reload')) onReload();
    }
  } catch {
    // Aborted at the end.
  }
})();

async function measure(n: number): Promise<Edit> {
  const word = `benchword${n}`;
  const edit: Edit = { saved: 0 };
  const reloaded = new Promise<void>((resolve) => {
    onReload = () => {
      edit.reloaded = performance.now();
      onReload = () => strayReloads++;
      resolve();
    };
  });
  current = edit;
  edit.saved = performance.now();
  await appendFile(page, ` ${word}\n`);
  await Promise.race([reloaded, sleep(10_000).then(() => Promise.reject(new Error(`no reload within 10 s of edit ${n}`)))]);
  for (let tries = 0; ; tries++) {
    const html = await (await fetch(`${origin}${PAGE_URL}`)).text();
    if (html.includes(word)) break;
    if (tries > 500) throw new Error(`edit ${n} was never served`);
  }
  edit.fetched = performance.now();
  // Quiet time, so a late second rebuild of the same save is counted as stray, not as the next edit's.
  await sleep(300);
  current = undefined;
  return edit;
}

const edits: Edit[] = [];
try {
  for (let n = 0; n < WARM_UP + EDITS; n++) {
    const edit = await measure(n);
    if (n >= WARM_UP) edits.push(edit);
  }
} finally {
  events.abort();
  await probe.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (v: number) => v.toFixed(1).padStart(7);
const spans = (pick: (e: Edit) => number | undefined) => edits.map(pick).filter((v): v is number => v !== undefined && Number.isFinite(v));
function row(label: string, values: readonly number[]): string {
  return values.length === 0 ? `  ${label.padEnd(40)}    n/a` : `  ${label.padEnd(40)}${ms(percentile(values, 50))}${ms(percentile(values, 90))}${ms(Math.max(...values))}`;
}

const toReload = spans((e) => e.reloaded! - e.saved);
const toFetch = spans((e) => e.fetched! - e.saved);
const phaseNames = Object.keys(edits.find((e) => e.phases)?.phases ?? {});
const cpu = cpus();
console.log(`folio serve, save → reload: ${EDITS} edits of content/${PAGE} in the example site (after ${WARM_UP} warm-up edits)`);
console.log(`node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`);
console.log(`\n  ${''.padEnd(40)} median    p90     max   (ms)`);
console.log(row('save → reload event at the tab', toReload));
console.log(row('save → new text fetchable', toFetch));
console.log('\n  where the time goes');
console.log(row('save → file system event (chokidar)', spans((e) => (e.noticed ?? NaN) - e.saved)));
console.log(row('chokidar → rebuild starts (debounce)', spans((e) => (e.buildStarted ?? NaN) - (e.noticed ?? NaN))));
console.log(row('rebuild', spans((e) => (e.built ?? NaN) - (e.buildStarted ?? NaN))));
for (const name of phaseNames) console.log(row(`  ${name}`, spans((e) => e.phases?.[name])));
console.log(row('rebuilt → reload event at the tab', spans((e) => e.reloaded! - (e.built ?? NaN))));
console.log(row('reload event → new text fetched', spans((e) => e.fetched! - e.reloaded!)));
const met = toReload.filter((v) => v < TARGET_MS).length;
console.log(`\nTarget: reload under ${TARGET_MS} ms from save; met by ${met} of ${toReload.length} edits. Stray reloads (a second rebuild for one save): ${strayReloads}.`);
