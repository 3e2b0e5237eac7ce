import matter from 'gray-matter';
import { ContentError } from '../errors.js';
import { parseYaml, type YamlSource } from './yaml.js';

/** A markdown file split into its YAML front matter and its body. */
export interface MarkdownSource {
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly body: string;
  /** 1-based file line where the body starts, so body errors can point at the right line. */
  readonly bodyLine: number;
  readonly lineOf: YamlSource['lineOf'];
}

/** What may follow the opening `---`: nothing, or the name of a language Folio reads as YAML (JSON is YAML too). */
const YAML_LANGUAGES = new Set(['', 'yaml', 'yml', 'json']);

/** Splits `text` (the file `file`) into front matter and body; the front matter must be a YAML map. */
export function parseFrontMatter(text: string, file: string): MarkdownSource {
  // gray-matter reads a language after the opening `---` (`---js`, `---toml`) and picks a parser by
  // it: JavaScript through eval, others it throws for. Folio reads YAML only, so it checks that
  // line itself and hands gray-matter a plain `---`.
  const opening = /^---(?!-)([^\n]*)/.exec(text);
  const language = opening?.[1]!.trim() ?? '';
  if (!YAML_LANGUAGES.has(language.toLowerCase())) {
    throw new ContentError({
      code: 'InvalidFrontMatter',
      severity: 'error',
      message: `Front matter is read as YAML only, but this file opens it with \`---${language}\`.`,
      file,
      line: 1,
      column: 4,
      hint: 'Make the first line just `---`, and write the front matter as `field: value` lines.',
    });
  }
  const source = opening ? `---${text.slice(opening[0].length)}` : text;
  let yaml: YamlSource | undefined;
  const parsed = matter(source, {
    engines: {
      yaml: (frontMatter: string) => {
        // The text after the opening `---`, its newline included: its line 1 is file line 1.
        yaml = parseYaml(frontMatter, file, 'InvalidFrontMatter', 1);
        return (yaml.data ?? {}) as object;
      },
      // Never reached (the opening line is checked above); replaces gray-matter's eval all the same.
      javascript: () => {
        throw new Error('Front matter is never read as JavaScript.');
      },
    },
  });
  const data = yaml?.data ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentError({
      code: 'InvalidFrontMatter',
      severity: 'error',
      message: 'Front matter must be a YAML map of `field: value` lines.',
      file,
      line: 2,
      hint: 'Write one `field: value` per line between the two `---` lines.',
    });
  }
  const bodyStart = source.length - parsed.content.length;
  return {
    file,
    data: data as Record<string, unknown>,
    body: parsed.content,
    bodyLine: source.slice(0, bodyStart).split('\n').length,
    lineOf: yaml?.lineOf ?? (() => undefined),
  };
}
