import { hash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { handlebarsRuntime } from './handlebars.js';
import { sourceFingerprint } from '../source-fingerprint.js';
import type { RenderState } from './helpers/context.js';
import type { Templates } from './templates.js';

/**
 * Keys of pages: a page whose key is the one it had when its file was written would come out byte
 * for byte the same, so that file can stay and the page need not be rendered. A key covers the
 * templates, the renderer's code, the page's place in the site and every value of the context its
 * layout can read (Templates.reads): a paper page reads its own publication, the site and the
 * page, not the thousand other papers.
 *
 * Views are built once per build and never changed while pages render, and most of what pages
 * read is shared between them (the site, the filter links, the publication views the lists hold):
 * the digest of each object is computed once, by identity.
 */
export class PageKeys {
  readonly #digests = new WeakMap<object, string>();

  readonly #code = rendererFingerprint();

  constructor(private readonly templates: Templates) {}

  /** The key of a page of `layout` rendered from `context`, or undefined if it can read too much to tell. */
  keyOf(layout: string, context: Readonly<Record<string, unknown>>, state: RenderState): string | undefined {
    const reads = this.templates.reads.get(layout);
    if (!reads) return undefined;
    const parts = [this.#code, this.templates.fingerprint, layout, stateText(state)];
    try {
      for (const name of reads) if (context[name] !== undefined) parts.push(`${name}=${this.#digest(context[name])}`);
    } catch (error) {
      if (error instanceof UnkeyableValue) return undefined;
      throw error;
    }
    return hash('sha1', parts.join('\0'), 'base64url');
  }

  /**
   * A key for what the templates make of `value` alone, with `context` (what else it depends on);
   * undefined if the value cannot be keyed. Digests are shared with the pages', by identity.
   */
  keyOfValue(value: unknown, context: string): string | undefined {
    try {
      return hash('sha1', [this.#code, this.templates.fingerprint, context, this.#digest(value)].join('\0'), 'base64url');
    } catch (error) {
      if (error instanceof UnkeyableValue) return undefined;
      throw error;
    }
  }

  /**
   * The value as a short text that tells it apart from any other value. Page contexts are plain
   * data (views made by Folio's own code, YAML read with the core schema: no Map, no Date, no
   * class; tests/render/page-key.test.ts checks the example site's), which JSON.stringify, native
   * and ten times faster than a walk in JavaScript, writes out whole: an absent key and one set to
   * undefined, the only values it merges, render the same. Arrays (and objects holding long ones)
   * are taken item by item, so a list of a thousand publication views is worked out from the
   * views' own digests, each made once.
   */
  #digest(value: unknown): string {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new UnkeyableValue();
      return shortened(value === undefined ? 'u' : JSON.stringify(value));
    }
    const known = this.#digests.get(value);
    if (known !== undefined) return known;
    let text: string;
    if (Array.isArray(value)) {
      const parts: string[] = [];
      for (const item of value) parts.push(this.#digest(item));
      text = `[${parts.join(',')}]`;
    } else {
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) throw new UnkeyableValue();
      text = holdsList(value) ? `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${this.#digest(item)}`).join(',')}}` : JSON.stringify(value);
    }
    const digest = shortened(text);
    this.#digests.set(value, digest);
    return digest;
  }
}

class UnkeyableValue extends Error {}

/** A long text by its hash, marked with `#`; a short one as it is. */
function shortened(text: string): string {
  return text.length > 128 ? `#${hash('sha1', text, 'base64url')}` : text;
}

/**
 * Whether `value` holds a list long enough to be worth taking item by item (a publication group
 * of a filter page): its items are views other pages hold too, whose digests are made already.
 * Either way the text is exact; this only decides which is faster. `#` never stands outside a
 * string in JSON, so a digest in the text cannot be read as data.
 */
function holdsList(value: object): boolean {
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (Array.isArray(item) && item.length > 8) return true;
  }
  return false;
}

let renderer: string | undefined;

/** The code that turns a context into a page besides the templates: every helper, and Handlebars. */
function rendererFingerprint(): string {
  if (renderer === undefined) {
    const extension = path.extname(fileURLToPath(import.meta.url));
    const helpers = readdirSync(fileURLToPath(new URL('./helpers/', import.meta.url)))
      .filter((name) => name.endsWith(extension) && !name.endsWith(`.d${extension}`))
      .sort()
      .map((name) => `helpers/${name.slice(0, -extension.length)}`);
    renderer = sourceFingerprint(import.meta.url, [...helpers, 'page-key', '../urls'], `handlebars ${handlebarsRuntime.VERSION}`);
  }
  return renderer;
}

/** What helpers read of the page besides its context: where it is, and how links are written. */
function stateText(state: RenderState): string {
  return JSON.stringify([state.outputPath, state.absoluteLinks, state.origin, state.basePath, state.language]);
}
