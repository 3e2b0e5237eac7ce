import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Code } from '../error-catalogue.js';
import { ContentError } from '../errors.js';
import { TextMemo } from './memo.js';

/** YAML data together with where each value was written, for errors that point at a line. */
export interface YamlSource {
  readonly data: unknown;
  /** 1-based line of the value at `path` (e.g. `['author', 'links']`), if present. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses YAML with the `yaml` package's core schema: dates stay strings, so no build ever depends
 * on the machine's time zone. `firstLine` is the file line the text starts on (2 for front matter).
 */
export function parseYaml(text: string, file: string, code: Code, firstLine = 1): YamlSource {
  const { data, lineOf } = parsed.get(`${code}\0${firstLine}\0${file}\0${text}`, () => parseYamlText(text, file, code, firstLine));
  // A copy, so a caller that changes the data never changes what the next build reads.
  return { data: structuredClone(data), lineOf };
}

const parsed = new TextMemo<YamlSource>(4096);

function parseYamlText(text: string, file: string, code: Code, firstLine: number): YamlSource {
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
  return {
    data,
    lineOf(path) {
      // A field's line is the line of its key (`title:`), which is where people look.
      const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
      const last = path[path.length - 1];
      let node: unknown = path.length === 0 ? doc.contents : undefined;
      if (isMap(parent)) node = parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)?.key;
      else if (isSeq(parent) && typeof last === 'number') node = parent.items[last];
      if (!isNode(node) || !node.range) return undefined;
      return lines.linePos(node.range[0]).line + firstLine - 1;
    },
  };
}

/** Offset of the first alias whose anchor is not set before it, else of the first alias. */
function firstBadAlias(doc: Document): number | undefined {
  let first: number | undefined;
  let unresolved: number | undefined;
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
