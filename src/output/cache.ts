import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A content-addressed store kept between builds: the value for a key is reused only while the
 * source it was made from (hashed into the key) is unchanged. One JSON file per kind, read once and
 * written once; only the entries this build used are kept, so the file never grows stale. A missing
 * or broken file is an empty cache, never an error: the cache only ever saves time.
 */
export class BuildCache {
  #hits = 0;
  #misses = 0;
  readonly #used = new Map<string, string>();
  #stored: ReadonlyMap<string, string> | undefined;

  private constructor(
    private readonly file: string | undefined,
    stored: ReadonlyMap<string, string> | undefined,
  ) {
    this.#stored = stored;
  }

  /** Opens the cache `kind` in `dir`; without a dir, a cache that forgets everything. */
  static async open(dir: string | undefined, kind: string): Promise<BuildCache> {
    if (!dir) return new BuildCache(undefined, new Map());
    const file = path.join(dir, `${kind}.json`);
    return new BuildCache(file, await readFile(file, 'utf8').then(entriesOf, () => new Map()));
  }

  /**
   * The cache `kind` of `dir`, read only when a value is first asked for: for a big cache that
   * most builds never touch (publication cards: an unchanged site renders no list). Unread, it is
   * left as it was by `save`.
   */
  static deferred(dir: string | undefined, kind: string): BuildCache {
    return dir ? new BuildCache(path.join(dir, `${kind}.json`), undefined) : new BuildCache(undefined, new Map());
  }

  private get stored(): ReadonlyMap<string, string> {
    if (!this.#stored) {
      try {
        this.#stored = entriesOf(readFileSync(this.file!, 'utf8'));
      } catch {
        this.#stored = new Map();
      }
    }
    return this.#stored;
  }

  /** A cache for the next build of a long-running process (serve): this build's values, in memory. */
  next(): BuildCache {
    return new BuildCache(this.file, new Map([...this.stored, ...this.#used]));
  }

  /** Whether a value for `source` under `salt` is known, from an earlier build or this one. */
  knows(salt: string, source: string): boolean {
    const key = keyOf(salt, source);
    return this.#used.has(key) || this.stored.has(key);
  }

  /** The value known for `source` under `salt`, if any (counted as a hit, and kept). */
  get(salt: string, source: string): string | undefined {
    const key = keyOf(salt, source);
    const known = this.#used.get(key) ?? this.stored.get(key);
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

  /** The cached value for `source` under `salt` (what else the result depends on), or makes it. */
  through(salt: string, source: string, make: () => string): string {
    const key = keyOf(salt, source);
    const known = this.#used.get(key) ?? this.stored.get(key);
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

  get stats(): { hits: number; misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }

  /** Writes what this build used, atomically (a reader never sees half a file). */
  async save(): Promise<void> {
    // Unread (deferred and never asked), nothing was used: the file stays as it is.
    if (!this.file || (this.#misses === 0 && this.#used.size === (this.#stored ?? this.#used).size)) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(Object.fromEntries([...this.#used].sort(([a], [b]) => (a < b ? -1 : 1)))));
    await rename(temp, this.file);
  }
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
