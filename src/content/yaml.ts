import { isNode, LineCounter, parseDocument } from 'yaml';
import { ContentError } from '../errors.js';

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
export function parseYaml(text: string, file: string, code: string, firstLine = 1): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const at = problem.linePos?.[0];
    throw new ContentError({
      code,
      severity: 'error',
      message: `Invalid YAML: ${firstSentence(problem.message)}`,
      file,
      ...(at ? { line: at.line + firstLine - 1, column: at.col } : {}),
      hint: yamlHint(problem.code, text),
    });
  }
  return {
    data: doc.toJS({ maxAliasCount: 100 }),
    lineOf(path) {
      const node = doc.getIn(path, true);
      if (!isNode(node) || !node.range) return undefined;
      return lines.linePos(node.range[0]).line + firstLine - 1;
    },
  };
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
