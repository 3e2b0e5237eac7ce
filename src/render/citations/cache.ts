import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Citation } from './entry.js';
import { isRecord } from '../../content/fields.js';
import { replaceFile } from '../../output/replace-file.js';

// Bumped when the file's shape changes; an older file is then ignored like a broken one.
const FORMAT = 1;

/** The citations of one style kept between builds, by content key; `null`: the style leaves the item out. */
export class CitationCache {
  readonly #file: string | undefined;
  #previous: ReadonlyMap<string, Citation | null>;
  readonly #used = new Map<string, Citation | null>();
  #added = false;

  private constructor(file: string | undefined, previous: ReadonlyMap<string, Citation | null>) {
    this.#file = file;
    this.#previous = previous;
  }

  /** Reads `dir/style.json`; a missing, unreadable or malformed file counts as empty. No `dir`: nothing is kept. */
  static async open(dir: string | undefined, style: string): Promise<CitationCache> {
    if (dir === undefined) return new CitationCache(undefined, new Map());
    const file = path.join(dir, `${style}.json`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return new CitationCache(file, new Map());
    }
    return new CitationCache(file, parseCache(text) ?? new Map());
  }

  get(key: string): Citation | null | undefined {
    const hit = this.#used.get(key) ?? this.#previous.get(key);
    if (hit !== undefined) this.#used.set(key, hit);
    return hit;
  }

  set(key: string, value: Citation | null): void {
    this.#used.set(key, value);
    this.#added = true;
  }

  /**
   * Writes the entries used since the cache was opened, so entries of deleted or edited papers do
   * not pile up (a build that formats only some papers drops the others' entries); sorted, so the
   * same build writes the same bytes. Unchanged: nothing is written.
   */
  async flush(): Promise<void> {
    // Nothing asked of this style in this build: its file stays as it was.
    if (this.#file === undefined || this.#used.size === 0) return;
    if (!this.#added && this.#used.size === this.#previous.size) return;
    const entries = Object.fromEntries([...this.#used].sort(([a], [b]) => (a < b ? -1 : 1)));
    await replaceFile(this.#file, `${JSON.stringify({ format: FORMAT, entries })}\n`);
    this.#previous = new Map(this.#used);
    this.#added = false;
  }
}

function parseCache(text: string): Map<string, Citation | null> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.format !== FORMAT || !isRecord(data.entries)) return undefined;
  const entries = new Map<string, Citation | null>();
  for (const [key, value] of Object.entries(data.entries)) {
    if (value === null) entries.set(key, null);
    else if (isRecord(value) && typeof value.html === 'string' && typeof value.text === 'string') entries.set(key, { html: value.html, text: value.text });
    else return undefined;
  }
  return entries;
}
