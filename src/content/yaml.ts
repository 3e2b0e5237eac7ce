import { createRequire } from 'node:module';
import type { Document, Node as YamlNode } from 'yaml';
import type { Code } from '../error-catalogue.js';
import { ContentError } from '../errors.js';
import type { BuildCache } from '../output/cache.js';
import { sourceFingerprint } from '../source-fingerprint.js';
import { TextMemo } from './memo.js';

const require = createRequire(import.meta.url);
/** The `yaml` package, loaded on the first text the cache does not know (with gray-matter, 35-65 ms of a build's start). */
let yamlLibrary: typeof import('yaml') | undefined;
const yaml = () => (yamlLibrary ??= require('yaml') as typeof import('yaml'));

/** YAML data together with where each value was written, for errors that point at a line. */
export interface YamlSource {
  readonly data: unknown;
  /** 1-based line of the value at `path` (e.g. `['author', 'links']`), if present. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses YAML with the `yaml` package's core schema: dates stay strings, so no build ever depends
 * on the machine's time zone. `firstLine` is the file line the text starts on.
 */
export function parseYaml(text: string, file: string, code: Code, firstLine = 1): YamlSource {
  const source = `${firstLine}\0${text}`;
  const { data, lineOf } = parsed.get(
    `${code}\0${file}\0${source}`,
    () => readYaml(text, file, code, firstLine, source),
    // Remembered by this process (folio serve, a second build): the build's cache still keeps it.
    ({ json }) => {
      if (json !== undefined) stored?.through(READER, source, () => json);
    },
  );
  // A copy, so a caller that changes the data never changes what the next build reads.
  return { data: structuredClone(data), lineOf };
}

/** A text's YAML as this process remembers it; `json`: as the build's cache keeps it (none for data JSON cannot hold). */
type ReadYaml = YamlSource & { readonly json?: string };

const parsed = new TextMemo<ReadYaml>(4096);

/**
 * YAML read by earlier builds, by its text and first line: the data and the line of every key and
 * item, so that a build whose YAML did not change never loads the parser. Only text that parses is
 * kept (errors are made afresh, with the file they are in).
 */
let stored: BuildCache | undefined;
const READER = sourceFingerprint(import.meta.url, ['yaml'], `yaml ${(require('yaml/package.json') as { version: string }).version}`);

/** Makes parseYaml (and the front matter's split) read and record their results in `cache` (a build's own), or stop with undefined. */
export function keepYamlIn(cache: BuildCache | undefined): void {
  stored = cache;
}

/** The cache keepYamlIn set, if any. */
export function yamlCache(): BuildCache | undefined {
  return stored;
}

/** What the cache keeps of a text: its data, and each path (as JSON) with its line. */
interface KeptYaml {
  readonly data: unknown;
  readonly lines: readonly (readonly [string, number])[];
}

/** The YAML of `source` (its first line and text) from the build's cache, or parsed and put there. */
function readYaml(text: string, file: string, code: Code, firstLine: number, source: string): ReadYaml {
  const known = stored?.get(READER, source);
  const kept = known === undefined ? undefined : keptYamlOf(known);
  if (kept) return { data: kept.data, lineOf: lineOfTable(kept.lines), json: known };
  const parsedText = parseYamlText(text, file, code, firstLine);
  // Data JSON cannot hold as it is (`.inf`, `.nan`, -0) is read again each time.
  const json = isPlainJson(parsedText.data) ? JSON.stringify(parsedText satisfies KeptYaml) : undefined;
  if (stored && json !== undefined) stored.put(READER, source, json);
  return { data: parsedText.data, lineOf: lineOfTable(parsedText.lines), ...(json === undefined ? {} : { json }) };
}

/** lineOf over the lines of lineTable. */
function lineOfTable(lines: KeptYaml['lines']): YamlSource['lineOf'] {
  const lineByPath = new Map(lines);
  return (path) => lineByPath.get(JSON.stringify(path));
}

/** A cache value read back; undefined if it is not what readYaml keeps (then the text is parsed again). */
function keptYamlOf(json: string): KeptYaml | undefined {
  try {
    const kept = JSON.parse(json) as Partial<KeptYaml>;
    if (Array.isArray(kept.lines) && kept.lines.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number') && 'data' in kept) return kept as KeptYaml;
  } catch {
    // Unreadable: parsed again.
  }
  return undefined;
}

/** Whether JSON writes `value` out as it is; `within`: the objects it lies in (an alias inside its own anchor makes a cycle). */
function isPlainJson(value: unknown, within: Set<object> = new Set()): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || within.has(value)) return false;
  if (!Array.isArray(value) && (Object.getPrototypeOf(value) !== Object.prototype || Object.hasOwn(value, '__proto__'))) return false;
  within.add(value);
  const plain = Object.values(value).every((item) => isPlainJson(item, within));
  within.delete(value);
  return plain;
}

function parseYamlText(text: string, file: string, code: Code, firstLine: number): KeptYaml {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    let at = problem.linePos?.[0];
    if (at && /quote/i.test(problem.message)) at = openingQuote(text, at.line) ?? at;
    throw new ContentError({
      code,
      severity: 'error',
      message: `Invalid YAML: ${firstSentence(problem.message)}`,
      file,
      ...(at ? { line: at.line + firstLine - 1, column: at.col } : {}),
      hint: yamlHint(problem.code, text),
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Aliases are resolved here, after parsing: one without its anchor, or too many (a "billion laughs").
    const alias = firstBadAlias(doc);
    const at = alias === undefined ? undefined : lines.linePos(alias);
    throw new ContentError({
      code,
      severity: 'error',
      message: `Invalid YAML: ${firstSentence((error as Error).message)}`,
      file,
      ...(at ? { line: at.line + firstLine - 1, column: at.col } : {}),
      hint: 'Set the anchor (`&name`) before its alias (`*name`), or write the value out in full.',
    });
  }
  return { data, lines: lineTable(doc, (offset) => lines.linePos(offset).line + firstLine - 1) };
}

/**
 * The line of every key of a map (where people look for a field) and every item of a list, by
 * its path as JSON (`["author","links",0]`); the document itself, unless it is a map, is the path
 * `[]`. Aliases are not followed: a path through one has no line.
 */
function lineTable(doc: Document, lineAt: (offset: number) => number): [string, number][] {
  const { isMap, isNode, isScalar, isSeq } = yaml();
  const table: [string, number][] = [];
  const walk = (node: unknown, path: readonly (string | number)[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const at = [...path, pair.key.value as string | number];
        table.push([JSON.stringify(at), lineAt(pair.key.range[0])]);
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const at = [...path, index];
        if (isNode(item) && item.range) table.push([JSON.stringify(at), lineAt(item.range[0])]);
        walk(item, at);
      });
    }
  };
  const root = doc.contents as YamlNode | null;
  // The document's own line, unless it is a map: a field missing from the top of a file is reported without a line, not at its first key.
  if (root?.range && !isMap(root)) table.push(['[]', lineAt(root.range[0])]);
  walk(root, []);
  return table;
}

/** Offset of the first alias whose anchor is not set before it, else of the first alias. */
function firstBadAlias(doc: Document): number | undefined {
  let first: number | undefined;
  let unresolved: number | undefined;
  const { visit } = yaml();
  visit(doc, {
    Alias(_, alias) {
      first ??= alias.range?.[0];
      if (alias.resolve(doc) === undefined) {
        unresolved = alias.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}

/** YAML notices an unclosed quote where the text runs out; the person needs the line where it opens. */
function openingQuote(text: string, errorLine: number): { line: number; col: number } | undefined {
  const lines = text.split('\n');
  for (let n = Math.min(errorLine, lines.length); n >= 1; n--) {
    const match = /^(\s*(?:-\s+|[^:#]+:\s+))(["'])/.exec(lines[n - 1]!);
    if (!match) continue;
    const quote = match[2]!;
    const rest = lines[n - 1]!.slice(match[1]!.length + 1);
    const closed = quote === "'" ? /(^|[^'])'(?!')/.test(rest.replace(/''/g, '')) : /(^|[^\\])"/.test(rest);
    if (!closed) return { line: n, col: match[1]!.length + 1 };
  }
  return undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string, text: string): string {
  if (code === 'TAB_AS_INDENT' || /^\t/m.test(text)) return 'Indent YAML with spaces, never tabs.';
  if (code === 'DUPLICATE_KEY') return 'Each key may appear once; remove or rename the repeated one.';
  if (code === 'MISSING_CHAR' || code === 'BAD_SCALAR_START')
    return 'Check for an unclosed quote; quote values that contain ": " or start with a special character.';
  return 'Quote values that contain ": " or start with a special character, and indent with spaces.';
}
