import { createRequire } from 'node:module';
import type matterFunction from 'gray-matter';
import { ContentError } from '../errors.js';
import { sourceFingerprint } from '../source-fingerprint.js';
import { parseYaml, yamlCache, type YamlSource } from './yaml.js';

const require = createRequire(import.meta.url);
/** gray-matter, loaded for the first file whose front matter the cache does not know (with yaml, 35-65 ms of a build's start). */
let matter: typeof matterFunction | undefined;

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
  const { matter: frontMatter, bodyStart } = splitOf(source);
  // The text after the opening `---`, its newline included: its line 1 is file line 1.
  const yaml = frontMatter === null ? undefined : parseYaml(frontMatter, file, 'InvalidFrontMatter', 1);
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
  return {
    file,
    data: data as Record<string, unknown>,
    body: source.slice(bodyStart),
    bodyLine: source.slice(0, bodyStart).split('\n').length,
    lineOf: yaml?.lineOf ?? (() => undefined),
  };
}

/** Where gray-matter splits a text: the YAML it would parse (null: none), and where the body starts. */
interface Split {
  readonly matter: string | null;
  readonly bodyStart: number;
}

const SPLITTER = sourceFingerprint(import.meta.url, ['front-matter'], `gray-matter ${(require('gray-matter/package.json') as { version: string }).version}`);

/**
 * Splits `source` as gray-matter does. The split is kept in the build's YAML cache by the text, so
 * gray-matter loads only when some file changed.
 */
function splitOf(source: string): Split {
  const cache = yamlCache();
  const known = cache?.get(SPLITTER, source);
  const kept = known === undefined ? undefined : splitOfJson(known, source);
  if (kept) return kept;
  matter ??= require('gray-matter') as typeof matterFunction;
  let frontMatter: string | null = null;
  const { content } = matter(source, {
    engines: {
      // The YAML is parsed by parseYaml, after the split.
      yaml: (text: string) => {
        frontMatter = text;
        return {};
      },
      // Never reached (the opening line is checked above); replaces gray-matter's eval all the same.
      javascript: () => {
        throw new Error('Front matter is never read as JavaScript.');
      },
    },
  });
  const split: Split = { matter: frontMatter, bodyStart: source.length - content.length };
  cache?.put(SPLITTER, source, JSON.stringify(split));
  return split;
}

/** A split read back from the cache; undefined if it is not one of `source` (then gray-matter splits it again). */
function splitOfJson(json: string, source: string): Split | undefined {
  try {
    const split = JSON.parse(json) as Partial<Split>;
    const { matter: frontMatter, bodyStart } = split;
    if ((frontMatter === null || typeof frontMatter === 'string') && Number.isInteger(bodyStart) && bodyStart! >= 0 && bodyStart! <= source.length) return { matter: frontMatter, bodyStart: bodyStart! };
  } catch {
    // Unreadable: split again.
  }
  return undefined;
}
