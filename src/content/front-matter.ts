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

/** Splits `text` (the file `file`) into front matter and body; the front matter must be a YAML map. */
export function parseFrontMatter(text: string, file: string): MarkdownSource {
  let yaml: YamlSource | undefined;
  const parsed = matter(text, {
    engines: {
      yaml: (source: string) => {
        // gray-matter passes the text after the opening `---`, newline included: its line 1 is file line 1.
        yaml = parseYaml(source, file, 'InvalidFrontMatter', source.startsWith('\n') ? 1 : 2);
        return (yaml.data ?? {}) as object;
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
  const bodyStart = text.length - parsed.content.length;
  return {
    file,
    data: data as Record<string, unknown>,
    body: parsed.content,
    bodyLine: text.slice(0, bodyStart).split('\n').length,
    lineOf: yaml?.lineOf ?? (() => undefined),
  };
}
