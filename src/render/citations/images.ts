import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CslItem } from '../../content/bibtex/parse.js';
import { entryOnly } from './engine.js';
import { engineVersions, type CitationStyle } from './styles.js';

/** What an image's engine made of one entry: its raw bibliography HTML (null: left out), or why it failed. */
export type ImageResult = { readonly raw: string | null } | { readonly error: string };

const SCRIPT = fileURLToPath(new URL('./engine-image.cjs', import.meta.url));
const require = createRequire(import.meta.url);
/** Longer than making an image takes (3-8 s); a spec file older than that was left by a maker that died. */
const MAKING_TAKES = 120_000;
/** What an image depends on besides its styles: Node, the engine and the image script (read once). */
let imageMaker: string | undefined;

/**
 * Engine images: V8 heap snapshots (`node --build-snapshot`) of started citeproc engines, one image
 * holding every style of the site, kept in the cache. citeproc takes 1.2-1.6 s to start APA's
 * engine (it expands every macro of the style inline), and loading it costs the main thread
 * another 0.2-0.3 s; a process started from the image has the engines ready in about 0.6 s. It
 * starts, on the other core, as soon as the build finds a changed .bib file, so the few entries
 * to format are formatted while the rest of the site loads, and citeproc never loads in the
 * build's own process. One image for all styles loads in one process: an image per style cost a
 * process each, one after another (0.7 + 0.2 + 0.2 s for APA, IEEE and Chicago).
 *
 * An image only works with the Node binary and flags that made it: its name carries Node's version,
 * the engine's and the image script's, and the processes run without NODE_OPTIONS. One that fails
 * anyway is deleted and its entries are formatted in-process: an image only ever saves time.
 */
export class EngineImages {
  readonly #running = new Map<string, ImageProcess>();
  #closed = false;
  #prestarted = false;
  /** Settled once every image's process has started and loaded (or failed to). */
  #started: Promise<unknown> | undefined;

  constructor(private readonly dir: string) {}

  /** Starts a process from every image of the folder (normally one) before anyone asks. */
  prestart(): void {
    if (this.#closed || this.#prestarted) return;
    this.#prestarted = true;
    let files: string[];
    try {
      files = readdirSync(this.dir).filter((f) => f.endsWith('.v8'));
    } catch {
      return;
    }
    // One after another: all at once, they would take the build's own core too.
    let previous: Promise<unknown> | undefined;
    for (const name of files.sort()) {
      const file = path.join(this.dir, name);
      previous = previous ? previous.then(() => (this.#closed ? undefined : this.#start(file).styles)) : this.#start(file).styles;
    }
    this.#started = previous;
  }

  /** Formats each of `items` alone in `style` with the engine of an image, in order; undefined without one, or if its process fails. */
  async format(style: CitationStyle, items: readonly CslItem[]): Promise<ImageResult[] | undefined> {
    this.prestart();
    // The processes do not keep this one alive (see ImageProcess): a timer does, while it waits for them.
    const alive = setInterval(() => undefined, 60_000);
    try {
      await this.#started;
    } finally {
      clearInterval(alive);
    }
    for (const [file, running] of this.#running) {
      try {
        const styles = await running.styles;
        if (styles.length === 0) throw new Error('The citation engine image did not load.');
        if (!styles.includes(style.hash)) continue;
        return await running.format(style.hash, items);
      } catch {
        // Made by another Node or an older Folio, or broken: it would fail every time. Another may serve.
        if (!this.#closed) this.#forget(file);
      }
    }
    return undefined;
  }

  #forget(file: string): void {
    this.#running.get(file)?.stop();
    this.#running.delete(file);
    rmSync(file, { force: true });
  }

  /**
   * Makes the image of `styles` (all the site's) for the builds after this one, in a process of its
   * own that outlives the build if need be: it starts the engines again and saves the heap (3-4 s
   * for APA), then deletes every other image of the folder.
   */
  make(styles: readonly CitationStyle[]): void {
    if (styles.length === 0) return;
    const sorted = [...styles].sort((a, b) => (a.hash < b.hash ? -1 : 1));
    imageMaker ??= [process.version, process.arch, engineVersions(), readFileSync(SCRIPT, 'utf8')].join('\n');
    const xml = sorted.map((style) => entryOnly(style.xml));
    // Keyed by the XML the engines run, so a change to entryOnly makes the image again.
    const key = hash('sha256', [imageMaker, ...sorted.map((style, i) => `${style.hash} ${hash('sha256', xml[i]!, 'hex')}`)].join('\n'), 'hex');
    const image = path.join(this.dir, `engines-${key.slice(0, 16)}.v8`);
    if (existsSync(image) || this.#beingMade(image)) return;
    mkdirSync(this.dir, { recursive: true });
    const spec = `${image}.${process.pid}.json`;
    const plugin = require.resolve('@citation-js/plugin-csl/package.json');
    writeFileSync(spec, JSON.stringify({ citeproc: createRequire(plugin).resolve('citeproc'), locales: path.join(path.dirname(plugin), 'lib', 'locales.json'), styles: sorted.map((style, i) => ({ hash: style.hash, xml: xml[i], label: style.file ?? style.name })) }));
    spawn(process.execPath, [SCRIPT, spec, image], { stdio: 'ignore', detached: true, env: withoutNodeOptions() }).unref();
  }

  /** Whether another build began making `image` lately (its spec file is there; the maker deletes it once done). */
  #beingMade(image: string): boolean {
    const prefix = `${path.basename(image)}.`;
    try {
      return readdirSync(this.dir).some((f) => f.startsWith(prefix) && f.endsWith('.json') && Date.now() - statSync(path.join(this.dir, f)).mtimeMs < MAKING_TAKES);
    } catch {
      return false;
    }
  }

  /** Stops the processes. */
  close(): void {
    this.#closed = true;
    for (const running of this.#running.values()) running.stop();
    this.#running.clear();
  }

  #start(file: string): ImageProcess {
    const running = new ImageProcess(file);
    this.#running.set(file, running);
    return running;
  }
}

/**
 * A process started from an image: it says `ready` and the hashes of its styles once its heap is
 * loaded, then answers one request a line, a line each, in order. It never keeps the build's
 * process alive, except while the build waits for an answer.
 */
class ImageProcess {
  /** The hashes of the styles it formats (none: it exited first). */
  readonly styles: Promise<readonly string[]>;
  readonly #child: ChildProcessByStdio<Writable, Readable, null>;
  /** Its output, line by line; done once it has closed it. */
  readonly #lines: AsyncIterator<string>;
  /** The last request: each waits for the one before, so answers are read in the order asked. */
  #queue: Promise<unknown> = Promise.resolve();
  #waiting = 0;

  constructor(file: string) {
    this.#child = spawn(process.execPath, ['--snapshot-blob', file], { stdio: ['pipe', 'pipe', 'ignore'], env: withoutNodeOptions() });
    this.#lines = createInterface({ input: this.#child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
    // A process that cannot start ends its output, which ends the lines.
    this.#child.once('error', () => this.#child.stdout.destroy());
    this.#child.stdin.on('error', () => undefined);
    this.#hold(0);
    this.styles = this.#nextLine().then((line) => (line?.startsWith('ready ') ? (JSON.parse(line.slice('ready '.length)) as string[]) : []));
  }

  format(style: string, items: readonly CslItem[]): Promise<ImageResult[]> {
    const answer = this.#queue.then(async () => {
      if (!(await this.styles).includes(style)) throw new Error('The citation engine image did not load.');
      this.#child.stdin.write(`${JSON.stringify({ style, items })}\n`);
      const line = await this.#nextLine();
      if (line === undefined) throw new Error('The citation engine image did not answer.');
      const results = JSON.parse(line) as ImageResult[] | { error: string };
      if (!Array.isArray(results)) throw new Error(results.error);
      return results;
    });
    this.#hold(+1);
    this.#queue = answer.catch(() => undefined);
    return answer.finally(() => this.#hold(-1));
  }

  stop(): void {
    this.#child.kill();
  }

  async #nextLine(): Promise<string | undefined> {
    const { value, done } = await this.#lines.next();
    return done ? undefined : value;
  }

  /** Keeps the event loop alive while an answer is awaited, and only then. */
  #hold(change: number): void {
    this.#waiting += change;
    const handles = [this.#child, this.#child.stdin, this.#child.stdout] as { ref(): void; unref(): void }[];
    for (const handle of handles) (this.#waiting > 0 ? handle.ref() : handle.unref());
  }
}

/** The environment without NODE_OPTIONS: an image must be loaded with the V8 flags it was made with. */
function withoutNodeOptions(): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _, ...env } = process.env;
  return env;
}
