import { hash } from 'node:crypto';
import Handlebars from 'handlebars';
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
   * The value as text that tells it apart from any other value: strings length-prefixed (no
   * escaping to scan for), objects by their keys in order (Handlebars' `each` follows it). Texts
   * over 1 KB become their hash, so no big text stays in memory for the rest of the build.
   */
  #digest(value: unknown): string {
    switch (typeof value) {
      case 'string':
        return `s${value.length}:${value}`;
      case 'number':
        return `n${value}`;
      case 'boolean':
        return value ? 't' : 'f';
      case 'undefined':
        return 'u';
      case 'object':
        break;
      default:
        // A function or a symbol: what a template makes of it is not data.
        throw new UnkeyableValue();
    }
    if (value === null) return 'N';
    const known = this.#digests.get(value);
    if (known !== undefined) return known;
    // Joined from parts, not added up with +=: hashing a string made of many pieces flattens it first.
    const parts: string[] = [];
    if (Array.isArray(value)) {
      parts.push('[');
      for (const item of value) parts.push(this.#digest(item), ',');
      parts.push(']');
    } else if (value instanceof Handlebars.SafeString) {
      parts.push('h', this.#digest(value.toString()));
    } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
      parts.push('{');
      for (const key in value) parts.push(`${key.length}:${key}=`, this.#digest((value as Record<string, unknown>)[key]), ',');
      parts.push('}');
    } else {
      // A Map, a Date, a class instance: what a template sees of it is not plain data.
      throw new UnkeyableValue();
    }
    const text = parts.join('');
    const digest = text.length > 1024 ? `#${hash('sha1', text, 'base64url')}` : text;
    this.#digests.set(value, digest);
    return digest;
  }
}

class UnkeyableValue extends Error {}

let renderer: string | undefined;

/** The code that turns a context into a page besides the templates: the helpers, and Handlebars. */
function rendererFingerprint(): string {
  const helpers = ['index', 'url', 'abs-url', 'date', 'icon', 'json', 'logic', 'reuse', 'context'].map((name) => `helpers/${name}`);
  renderer ??= sourceFingerprint(import.meta.url, [...helpers, 'page-key', '../urls'], `handlebars ${Handlebars.VERSION}`);
  return renderer;
}

/** What helpers read of the page besides its context: where it is, and how links are written. */
function stateText(state: RenderState): string {
  return JSON.stringify([state.outputPath, state.absoluteLinks, state.origin, state.basePath, state.language]);
}
