import { hash } from 'node:crypto';
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { replaceFile } from './replace-file.js';

/**
 * A content-addressed store kept between builds: the value for a key is reused only while the
 * source it was made from (hashed into the key) is unchanged. One JSON file per kind, read once;
 * only the entries this build used are kept, so the file never grows stale. A build that changed
 * few entries (an edited paper) appends its changes to a journal beside the file instead of
 * writing every entry again (a 1,000-paper site's caches hold 8 MB); the file is written whole
 * once the journal grows. A missing or broken file is an empty cache, never an error: the cache
 * only ever saves time, and since keys name their sources, any mix of old and new entries is right.
 */
export class BuildCache {
  #hits = 0;
  #misses = 0;
  /** What this build used or made, by key; a function makes its value when asked (putLater). */
  readonly #used = new Map<string, string | (() => string)>();
  readonly #stored: Stored;

  private constructor(
    private readonly file: string | undefined,
    stored: Stored,
  ) {
    this.#stored = stored;
  }

  /** Opens the cache `kind` in `dir`; without a dir, a cache that forgets everything. */
  static async open(dir: string | undefined, kind: string): Promise<BuildCache> {
    if (!dir) return BuildCache.inMemory();
    const file = path.join(dir, `${kind}.json`);
    const [main, journal] = await Promise.all([readFile(file, 'utf8').catch(() => ''), readFile(journalOf(file), 'utf8').catch(() => '')]);
    return new BuildCache(file, storedOf(main, journal));
  }

  /** A cache kept on no disk: it lives on only through `next` (folio serve's next build). */
  static inMemory(): BuildCache {
    return new BuildCache(undefined, inMemory(new Map()));
  }

  private get stored(): ReadonlyMap<string, string> {
    return this.#stored.entries;
  }

  /** A cache for the next build of a long-running process (serve): this build's values, in memory. */
  next(): BuildCache {
    return new BuildCache(this.file, inMemory(new Map([...this.stored, ...[...this.#used.keys()].map((key) => [key, this.#valueOf(key)!] as const)])));
  }

  /** Whether a value for `source` under `salt` is known, from an earlier build or this one. */
  knows(salt: string, source: string): boolean {
    const key = keyOf(salt, source);
    return this.#used.has(key) || this.stored.has(key);
  }

  /** The value known for `source` under `salt`, if any (counted as a hit, and kept). */
  get(salt: string, source: string): string | undefined {
    const key = keyOf(salt, source);
    const known = this.#valueOf(key) ?? this.stored.get(key);
    if (known === undefined) return undefined;
    this.#hits++;
    this.#used.set(key, known);
    return known;
  }

  /** Records a value made elsewhere (e.g. in a worker thread) for `source` under `salt`. */
  put(salt: string, source: string, value: string): void {
    this.#misses++;
    this.#used.set(keyOf(salt, source), value);
  }

  /**
   * Records a value for `source` under `salt` that `make` writes out when it is needed (by `get`,
   * or by `save`): 10,000 publication cards held as JSON text for the whole build cost 40-75 MB.
   */
  putLater(salt: string, source: string, make: () => string): void {
    this.#misses++;
    this.#used.set(keyOf(salt, source), make);
  }

  /** The cached value for `source` under `salt` (what else the result depends on), or makes it. */
  through(salt: string, source: string, make: () => string): string {
    const key = keyOf(salt, source);
    const known = this.#valueOf(key) ?? this.stored.get(key);
    if (known !== undefined) {
      this.#hits++;
      this.#used.set(key, known);
      return known;
    }
    this.#misses++;
    const made = make();
    this.#used.set(key, made);
    return made;
  }

  /** The value this build used or made for `key`, made now if it was put for later. */
  #valueOf(key: string): string | undefined {
    const value = this.#used.get(key);
    if (typeof value !== 'function') return value;
    const made = value();
    this.#used.set(key, made);
    return made;
  }

  get stats(): { hits: number; misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }

  /**
   * Keeps what this build used for the next: the changes alone, appended to the journal, when they
   * are few; else the whole file, written aside and renamed (a reader never sees half a file).
   */
  async save(): Promise<void> {
    const stored = this.#stored;
    if (!this.file) return;
    // Made later, a value is new: the cache would have given it otherwise.
    const changed = [...this.#used].filter(([key, value]) => typeof value === 'function' || stored.entries.get(key) !== value).map(([key]) => key);
    const drop = [...stored.entries.keys()].filter((key) => !this.#used.has(key));
    if (changed.length === 0 && drop.length === 0) return;
    if (stored.mainBytes > 0 && stored.journalLines < MAX_JOURNAL_LINES && changed.length + drop.length <= stored.entries.size / 8) {
      const line = `${JSON.stringify({ set: Object.fromEntries(changed.map((key) => [key, this.#valueOf(key)])), drop })}\n`;
      if (stored.journalBytes + line.length <= stored.mainBytes / 4) {
        await mkdir(path.dirname(this.file), { recursive: true });
        await appendFile(journalOf(this.file), line);
        return;
      }
    }
    const keys = [...this.#used.keys()].sort();
    // Values put for later are made one by one as they are written, and not kept.
    await replaceFile(this.file, jsonChunks(keys, (key) => {
      const value = this.#used.get(key)!;
      return typeof value === 'function' ? value() : value;
    }));
    await rm(journalOf(this.file), { force: true });
  }
}

/**
 * The entries as one JSON object, in pieces of about a megabyte: the cards of 10,000 papers are
 * 40 MB of JSON, which as a single string (and its copy as bytes) pushed a build past 1 GiB.
 */
function* jsonChunks(keys: readonly string[], valueOf: (key: string) => string): Generator<string> {
  let chunk = '{';
  for (const [i, key] of keys.entries()) {
    chunk += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(valueOf(key))}`;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}}`;
}

/** After this many builds' changes, the file is written whole again. */
const MAX_JOURNAL_LINES = 32;

/** A cache's entries as read, and the sizes that tell `save` whether to append or write it whole. */
interface Stored {
  readonly entries: ReadonlyMap<string, string>;
  /** Characters of the file (0: missing or broken), of its journal, and lines of the journal. */
  readonly mainBytes: number;
  readonly journalBytes: number;
  readonly journalLines: number;
}

function inMemory(entries: ReadonlyMap<string, string>): Stored {
  return { entries, mainBytes: 0, journalBytes: 0, journalLines: 0 };
}

function journalOf(file: string): string {
  return `${file.replace(/\.json$/, '')}.journal`;
}

/** The file's entries with the journal's changes applied in order, up to the first line that cannot be read. */
function storedOf(main: string, journal: string): Stored {
  const entries = entriesOf(main);
  const readable = entries.size > 0;
  let journalLines = 0;
  // A journal cut short (a build stopped while appending) would glue the next line onto the cut one:
  // the next save writes the file whole instead.
  let cut = journal.length > 0 && !journal.endsWith('\n');
  if (readable) {
    for (const line of journal.split('\n')) {
      if (!line) continue;
      const change = changeOf(line);
      if (!change) {
        cut = true;
        break;
      }
      for (const [key, value] of Object.entries(change.set)) if (typeof value === 'string') entries.set(key, value);
      for (const key of change.drop) entries.delete(key);
      journalLines++;
    }
  }
  return { entries, mainBytes: readable ? main.length : 0, journalBytes: readable ? journal.length : 0, journalLines: cut ? MAX_JOURNAL_LINES : journalLines };
}

function changeOf(line: string): { set: Record<string, unknown>; drop: string[] } | undefined {
  try {
    const change = JSON.parse(line) as { set?: unknown; drop?: unknown };
    if (typeof change.set === 'object' && change.set !== null && Array.isArray(change.drop)) return { set: change.set as Record<string, unknown>, drop: change.drop.filter((key): key is string => typeof key === 'string') };
  } catch {
    // A line cut short (a build stopped while appending): the changes end there.
  }
  return undefined;
}

/** The cache file's entries; anything but an object of strings is an empty cache. */
function entriesOf(json: string): Map<string, string> {
  try {
    const data = JSON.parse(json) as unknown;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return new Map(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    // Broken: start empty.
  }
  return new Map();
}

function keyOf(salt: string, source: string): string {
  // One-shot: a build asks for ten thousand keys, and a Hash object costs more than its hashing.
  return hash('sha256', `${salt}\0${source}`, 'base64url');
}
