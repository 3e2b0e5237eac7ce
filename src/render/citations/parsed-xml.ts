import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isRecord } from '../../content/fields.js';
import { replaceFile } from '../../output/replace-file.js';

// Bumped when the file's shape changes; an older file is then ignored like a broken one.
const FORMAT = 1;

/**
 * Styles and locales as citeproc's XML parser makes them, by the XML's text. citeproc reads both
 * with a parser of its own, written in JavaScript: starting an engine for APA reduced to one entry
 * spends 20 ms of its 50–90 in it, and every engine parses the en-US locale again (12–18 ms).
 * citeproc takes that parser's JSON as well, so each text is parsed once, and with a folder, kept
 * between builds: a build that formats one edited entry starts its three engines without parsing.
 */
export class ParsedXml {
  readonly #used = new Map<string, string>();
  #added = false;

  private constructor(
    private readonly previous: ReadonlyMap<string, string>,
    private readonly file?: { readonly path: string; readonly engine: string },
  ) {}

  /** One kept by no file, knowing `entries` (another's `known()`, in a worker thread). */
  static of(entries: Readonly<Record<string, string>> = {}): ParsedXml {
    return new ParsedXml(new Map(Object.entries(entries)));
  }

  /**
   * Reads `dir/citeproc/parsed-xml.json` (a folder of its own: any `name.json` of `dir` may be a
   * style's cache), kept for `engine` (citeproc's version) only. A missing or broken file counts
   * as empty, and an entry that is not JSON of an object as missing: its XML is parsed again.
   */
  static async open(dir: string | undefined, engine: string): Promise<ParsedXml> {
    if (dir === undefined) return ParsedXml.of();
    const file = { path: path.join(dir, 'citeproc', 'parsed-xml.json'), engine };
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file.path, 'utf8'));
    } catch {
      return new ParsedXml(new Map(), file);
    }
    const entries = isRecord(data) && data.format === FORMAT && data.engine === engine && isRecord(data.entries) ? data.entries : {};
    return new ParsedXml(new Map(Object.entries(entries).filter((e): e is [string, string] => typeof e[1] === 'string' && isJsonObject(e[1]))), file);
  }

  /** Everything this knows, for a worker thread's ParsedXml (`of`). */
  known(): Record<string, string> {
    return Object.fromEntries([...this.previous, ...this.#used]);
  }

  /** What `jsonOf` had to parse, for the ParsedXml of the thread that started this one's (`take`). */
  added(): Record<string, string> {
    return Object.fromEntries([...this.#used].filter(([key]) => !this.previous.has(key)));
  }

  /** Keeps what another ParsedXml parsed (its `added()`), as if this one had. */
  take(entries: Readonly<Record<string, string>>): void {
    for (const [key, json] of Object.entries(entries)) {
      this.#used.set(key, json);
      if (!this.previous.has(key)) this.#added = true;
    }
  }

  /** `xml` as the JSON text `parse` (citeproc's CSL.parseXml) makes of it, parsed only if not known. */
  jsonOf(xml: string, parse: (xml: string) => unknown): string {
    const key = createHash('sha256').update(xml).digest('base64url');
    let json = this.#used.get(key) ?? this.previous.get(key);
    if (json === undefined) {
      json = JSON.stringify(parse(xml));
      this.#added = true;
    }
    this.#used.set(key, json);
    return json;
  }

  /**
   * Writes the file, if anything was parsed: what was used, and what was there before unless that
   * makes it long (a style edited again and again); aside, then renamed.
   */
  async flush(): Promise<void> {
    if (this.file === undefined || !this.#added) return;
    const all = new Map([...this.previous, ...this.#used]);
    const entries = Object.fromEntries([...(all.size > KEPT_UP_TO ? this.#used : all)].sort(([a], [b]) => (a < b ? -1 : 1)));
    await replaceFile(this.file.path, `${JSON.stringify({ format: FORMAT, engine: this.file.engine, entries })}\n`);
    this.#added = false;
  }
}

// Three styles and a locale make four entries; a style of one's own, edited, one more each time.
const KEPT_UP_TO = 32;

function isJsonObject(text: string): boolean {
  try {
    return isRecord(JSON.parse(text));
  } catch {
    return false;
  }
}
