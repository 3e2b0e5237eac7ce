import { createHash } from 'node:crypto';
import path from 'node:path';
import type { TemplateDelegate } from 'handlebars';
import { listFiles, readText } from '../content/files.js';
import { ContentError } from '../errors.js';
import { closest } from '../content/suggest.js';
import { HELPER_NAMES, registerHelpers } from './helpers/index.js';
import { partialsOf } from './template-partials.js';
import { layoutReads } from './template-reads.js';
import { nameReuseBlocks } from './reuse-blocks.js';
import { sourceFingerprint } from '../source-fingerprint.js';
import { handlebarsCompiler, handlebarsRuntime, type HandlebarsRuntime } from './handlebars.js';
import type { BuildCache } from '../output/cache.js';

export interface Templates {
  /** The templates folder, for error messages. */
  readonly dir: string;
  readonly env: HandlebarsRuntime;
  /** Compiled layouts by name (`page` for layouts/page.hbs). */
  readonly layouts: ReadonlyMap<string, TemplateDelegate>;
  /** Which names of the page context each layout can read (see template-reads.ts); null: all of them. */
  readonly reads: ReadonlyMap<string, readonly string[] | null>;
  /** A hash of every template's text and of the compiler: the same for the same templates. */
  readonly fingerprint: string;
}

/**
 * Reads `layouts/*.hbs` and `partials/*.hbs` and compiles each once, in a Handlebars environment of
 * its own. With a cache, templates whose text it has seen are taken precompiled from it: parsing,
 * checking and compiling the default theme costs a build about 0.2 s.
 */
export async function loadTemplates(dir: string, cache?: BuildCache): Promise<Templates> {
  const env = handlebarsRuntime.create();
  registerHelpers(env);
  const [layoutFiles, partialFiles] = await Promise.all([
    listFiles(path.join(dir, 'layouts'), ['.hbs']),
    listFiles(path.join(dir, 'partials'), ['.hbs']),
  ]);
  if (layoutFiles.length === 0) {
    throw new ContentError({ code: 'MissingTemplates', severity: 'error', message: `No layouts found in ${path.join(dir, 'layouts')}.`, file: dir, hint: 'Pass --templates with the folder holding layouts/ and partials/, or copy the default templates/ folder.' });
  }
  const read = (kind: 'layouts' | 'partials') => async (name: string) => ({ kind, name: name.replace(/\.hbs$/, ''), file: path.join(dir, kind, name), source: await readText(path.join(dir, kind, name)) });
  const sources = await Promise.all([...layoutFiles.map(read('layouts')), ...partialFiles.map(read('partials'))]);
  const key = sources.map((t) => `${t.kind}/${t.name}\0${t.source}`).join('\0');
  const known = cache?.get(PRECOMPILER, key);
  const { specs, reads } = known ? (JSON.parse(known) as Precompiled) : precompile(sources);
  if (!known) cache?.put(PRECOMPILER, key, JSON.stringify({ specs, reads } satisfies Precompiled));
  const layouts = new Map<string, TemplateDelegate>();
  for (const { kind, name } of sources) {
    // The spec is JavaScript that Handlebars wrote (here or in an earlier build) from these very files.
    const template = env.template(new Function(`return ${specs[`${kind}/${name}`]!}`)() as TemplateSpecification);
    if (kind === 'layouts') layouts.set(name, template);
    else env.registerPartial(name, template);
  }
  return { dir, env, layouts, reads: new Map(Object.entries(reads)), fingerprint: createHash('sha256').update(`${PRECOMPILER}\0${key}`).digest('base64url') };
}

/** What the cache keeps of a set of templates. */
interface Precompiled {
  /** Each template's compiled JavaScript, by `layouts/name` or `partials/name`. */
  readonly specs: Record<string, string>;
  readonly reads: Record<string, string[] | null>;
}

/** Every helper a template can call: Folio's, then Handlebars' own (not its `helperMissing` hooks, which no template calls by name). */
const CALLABLE_HELPERS = [...HELPER_NAMES, ...Object.keys(handlebarsRuntime.helpers).filter((name) => !name.endsWith('Missing'))];

type TemplateSpecification = Parameters<HandlebarsRuntime['template']>[0];

/**
 * Templates can call only Folio's helpers and Handlebars' own, so the compiler is told which exist:
 * `{{title}}` then compiles to a property read instead of a helper lookup first (a fifth of the
 * render time of a page), and a template calling a helper that does not exist fails when it is
 * compiled, naming its file and line, rather than when a page is rendered.
 */
const COMPILE_OPTIONS = { preventIndent: true, strict: false, knownHelpers: Object.fromEntries(HELPER_NAMES.map((name) => [name, true])), knownHelpersOnly: true };
/** Which Handlebars and options precompiled a cached template. */
const PRECOMPILER = `handlebars ${handlebarsRuntime.VERSION}|${JSON.stringify(COMPILE_OPTIONS)}|reads ${sourceFingerprint(import.meta.url, ['template-reads', 'reuse-blocks'])}`;

/**
 * Parses and checks every template before any page renders, so a syntax error or a missing partial
 * names its file and line, then compiles each to JavaScript source.
 */
function precompile(sources: readonly { kind: string; name: string; file: string; source: string }[]): Precompiled {
  const compiler = handlebarsCompiler();
  const parsed = sources.map((t) => ({ ...t, program: checked(t.file, () => compiler.parse(t.source)) }));
  for (const t of parsed) nameReuseBlocks(t.program, `${t.kind}/${t.name}`);
  checkPartials(parsed, parsed.filter((t) => t.kind === 'partials').map((t) => t.name));
  // Before compiling, which rewrites parts of the tree it is given.
  const reads = layoutReads(new Map(parsed.filter((t) => t.kind === 'layouts').map((t) => [t.name, t.program])), parsed.filter((t) => t.kind === 'partials').map((t) => t.program));
  // Handlebars' types say precompile returns the spec object; it returns the spec's source text.
  const specs = Object.fromEntries(parsed.map((t) => [`${t.kind}/${t.name}`, checked(t.file, () => compiler.precompile(t.program, COMPILE_OPTIONS) as unknown as string)]));
  return { specs, reads };
}

/** Handlebars' parser and compiler report a template's mistakes by throwing; this names its file and line. */
function checked<T>(file: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /used the unknown helper (\S+) - (\d+):(\d+)/.exec(message);
    if (unknown) {
      const [, name, line, column] = unknown;
      const guess = closest(name!, CALLABLE_HELPERS);
      throw new ContentError({
        code: 'UnknownHelper',
        severity: 'error',
        message: `This template calls the helper "${name}", which does not exist.`,
        file,
        line: Number(line),
        column: Number(column) + 1,
        hint: `${guess ? `Did you mean \`${guess}\`? ` : ''}Helpers: ${CALLABLE_HELPERS.join(', ')} (docs/templates.md).`,
      });
    }
    const line = /line (\d+)/.exec(message)?.[1];
    throw new ContentError({
      code: 'TemplateSyntax',
      severity: 'error',
      message: `Template error: ${message.split('\n')[0]}`,
      file,
      ...(line ? { line: Number(line) } : {}),
      hint: 'Check the {{ }} tags near this line: every {{#block}} needs its {{/block}}.',
    });
  }
}

/**
 * Throws for the first `{{> name}}` (by file, then line) that names no partial file and no inline
 * partial. Inline partials count wherever they are defined: a layout's inline partial may be
 * included by a partial it calls.
 */
function checkPartials(templates: readonly { file: string; program: hbs.AST.Program }[], partialFiles: readonly string[]): void {
  const found = [...templates].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((t) => ({ file: t.file, ...partialsOf(t.program) }));
  const known = new Set([...partialFiles, ...found.flatMap((t) => t.inline)]);
  for (const { file, uses } of found) {
    const missing = uses.find((use) => !known.has(use.name));
    if (!missing) continue;
    const guess = closest(missing.name, [...known]);
    throw new ContentError({
      code: 'UnknownPartial',
      severity: 'error',
      message: `This template includes the partial "${missing.name}", which is not in templates/partials/.`,
      file,
      line: missing.line,
      column: missing.column,
      hint: guess ? `Did you mean \`{{> ${guess}}}\`? Or create templates/partials/${missing.name}.hbs.` : `Create templates/partials/${missing.name}.hbs, or fix the name in {{> ${missing.name}}}.`,
    });
  }
}
