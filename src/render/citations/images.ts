import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CslItem } from '../../content/bibtex/parse.js';
import { engineVersions, type CitationStyle } from './styles.js';

/** What an image's engine made of one entry: its raw bibliography HTML (null: left out), or why it failed. */
export type ImageResult = { readonly raw: string | null } | { readonly error: string };

const SCRIPT = fileURLToPath(new URL('./engine-image.cjs', import.meta.url));
const require = createRequire(import.meta.url);
/** What an image depends on besides its style: Node, the engine and the image script (read once). */
let imageMaker: string | undefined;

/**
 * Engine images: V8 heap snapshots (`node --build-snapshot`) of a started citeproc engine, one per
 * style, kept in the cache. citeproc takes 1.2-1.6 s to start APA's engine (it expands every macro
 * of the style inline), and loading it costs the main thread another 0.2-0.3 s; a process started
 * from the image has the engine ready in about 0.5 s. Such processes start, on the other core, as
 * soon as the build finds a changed .bib file, so the few entries to format are formatted while the
 * rest of the site loads, and citeproc never loads in the build's own process.
 *
 * An image only works with the Node binary and flags that made it: its name carries Node's version,
 * the engine's and the image script's, and the processes run without NODE_OPTIONS. One that fails
 * anyway is deleted and its entries are formatted in-process: an image only ever saves time.
 */
export class EngineImages {
  readonly #running = new Map<string, ImageProcess>();
  readonly #started = new Set<string>();
  #closed = false;
  #prestarted = false;

  constructor(private readonly dir: string) {}

  /** Starts a process from every image of the folder before anyone asks (each takes 0.2-0.6 s to load). */
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
    let previous: Promise<unknown> = Promise.resolve();
    for (const name of files.sort()) {
      const file = path.join(this.dir, name);
      previous = previous.then(() => (this.#closed || this.#started.has(file) ? undefined : this.#start(file).ready));
    }
  }

  /** Formats each of `items` alone with the image of `style`, in order; undefined without an image, or if its process fails. */
  async format(style: CitationStyle, items: readonly CslItem[]): Promise<ImageResult[] | undefined> {
    const file = this.#fileOf(style);
    const running = this.#running.get(file) ?? (this.#closed || !existsSync(file) ? undefined : this.#start(file));
    if (!running) return undefined;
    this.#running.delete(file);
    try {
      return await running.format(items);
    } catch {
      // Made by another Node, or broken: it would fail every time.
      rmSync(file, { force: true });
      return undefined;
    }
  }

  /**
   * Makes the image of `style` for the builds after this one, in a process of its own that outlives
   * the build if need be: it starts the engine again and saves the heap (3-4 s for APA).
   */
  make(style: CitationStyle): void {
    const image = this.#fileOf(style);
    mkdirSync(this.dir, { recursive: true });
    const spec = `${image}.${process.pid}.json`;
    const plugin = require.resolve('@citation-js/plugin-csl/package.json');
    writeFileSync(spec, JSON.stringify({ citeproc: createRequire(plugin).resolve('citeproc'), locales: path.join(path.dirname(plugin), 'lib', 'locales.json'), xml: style.xml, label: style.file ?? style.name }));
    spawn(process.execPath, [SCRIPT, spec, image], { stdio: 'ignore', detached: true, env: withoutNodeOptions() }).unref();
  }

  /** Stops the processes nobody asked for. */
  close(): void {
    this.#closed = true;
    for (const running of this.#running.values()) running.stop();
    this.#running.clear();
  }

  /** The image file of `style`: one per style, Node version and engine and image code. */
  #fileOf(style: CitationStyle): string {
    imageMaker ??= [process.version, process.arch, engineVersions(), readFileSync(SCRIPT, 'utf8')].join('\n');
    const key = hash('sha256', `${imageMaker}\n${style.hash}`, 'hex');
    return path.join(this.dir, `${style.name}-${key.slice(0, 16)}.v8`);
  }

  #start(file: string): ImageProcess {
    const running = new ImageProcess(file);
    this.#started.add(file);
    this.#running.set(file, running);
    return running;
  }
}

/**
 * A process started from an image: it says `ready` once its heap is loaded, then answers one
 * request a line, a line each. It never keeps the build's process alive, except while the build
 * waits for its answer.
 */
class ImageProcess {
  /** Whether it loaded its image (false: it exited first). */
  readonly ready: Promise<boolean>;
  readonly #child: ChildProcessByStdio<Writable, Readable, null>;
  /** Its output, line by line; done once it has closed it. */
  readonly #lines: AsyncIterator<string>;

  constructor(file: string) {
    this.#child = spawn(process.execPath, ['--snapshot-blob', file], { stdio: ['pipe', 'pipe', 'ignore'], env: withoutNodeOptions() });
    this.#lines = createInterface({ input: this.#child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
    // A process that cannot start ends its output, which ends the lines.
    this.#child.once('error', () => this.#child.stdout.destroy());
    this.#child.stdin.on('error', () => undefined);
    this.#hold(false);
    this.ready = this.#nextLine().then((line) => line === 'ready');
  }

  async format(items: readonly CslItem[]): Promise<ImageResult[]> {
    this.#hold(true);
    try {
      if (!(await this.ready)) throw new Error('The citation engine image did not load.');
      this.#child.stdin.end(`${JSON.stringify(items)}\n`);
      const answer = await this.#nextLine();
      if (answer === undefined) throw new Error('The citation engine image did not answer.');
      return JSON.parse(answer) as ImageResult[];
    } finally {
      this.#hold(false);
    }
  }

  stop(): void {
    this.#child.kill();
  }

  async #nextLine(): Promise<string | undefined> {
    const { value, done } = await this.#lines.next();
    return done ? undefined : value;
  }

  /** Whether the process and its pipes keep the event loop alive. */
  #hold(wait: boolean): void {
    const handles = [this.#child, this.#child.stdin, this.#child.stdout] as { ref(): void; unref(): void }[];
    for (const handle of handles) (wait ? handle.ref() : handle.unref());
  }
}

/** The environment without NODE_OPTIONS: an image must be loaded with the V8 flags it was made with. */
function withoutNodeOptions(): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _, ...env } = process.env;
  return env;
}
