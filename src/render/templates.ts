import path from 'node:path';
import Handlebars from 'handlebars';
import { listFiles, readText } from '../content/files.js';
import { ContentError } from '../errors.js';
import { closest } from '../content/suggest.js';
import { registerHelpers } from './helpers/index.js';
import { partialsOf } from './template-partials.js';

export interface Templates {
  /** The templates folder, for error messages. */
  readonly dir: string;
  readonly env: typeof Handlebars;
  /** Compiled layouts by name (`page` for layouts/page.hbs). */
  readonly layouts: ReadonlyMap<string, Handlebars.TemplateDelegate>;
}

/** Reads `layouts/*.hbs` and `partials/*.hbs` and compiles each once, in a Handlebars environment of its own. */
export async function loadTemplates(dir: string): Promise<Templates> {
  const env = Handlebars.create();
  registerHelpers(env);
  const [layoutFiles, partialFiles] = await Promise.all([
    listFiles(path.join(dir, 'layouts'), ['.hbs']),
    listFiles(path.join(dir, 'partials'), ['.hbs']),
  ]);
  if (layoutFiles.length === 0) {
    throw new ContentError({ code: 'MissingTemplates', severity: 'error', message: `No layouts found in ${path.join(dir, 'layouts')}.`, file: dir, hint: 'Pass --templates with the folder holding layouts/ and partials/, or copy the default templates/ folder.' });
  }
  const layouts = new Map<string, Handlebars.TemplateDelegate>();
  const parsed: { file: string; program: hbs.AST.Program }[] = [];
  const partials: string[] = [];
  await Promise.all([
    ...layoutFiles.map(async (name) => {
      const file = path.join(dir, 'layouts', name);
      const source = await readText(file);
      parsed.push({ file, program: parse(env, source, file) });
      layouts.set(name.replace(/\.hbs$/, ''), env.compile(source, COMPILE_OPTIONS));
    }),
    ...partialFiles.map(async (name) => {
      const file = path.join(dir, 'partials', name);
      const source = await readText(file);
      parsed.push({ file, program: parse(env, source, file) });
      partials.push(name.replace(/\.hbs$/, ''));
      env.registerPartial(name.replace(/\.hbs$/, ''), env.compile(source, COMPILE_OPTIONS));
    }),
  ]);
  checkPartials(parsed, partials);
  return { dir, env, layouts };
}

const COMPILE_OPTIONS = { preventIndent: true, strict: false };

/**
 * Parses now (Handlebars compiles lazily), so a template syntax error names its file and line before
 * any page renders; the tree also shows the partials it includes.
 */
function parse(env: typeof Handlebars, source: string, file: string): hbs.AST.Program {
  try {
    return env.parse(source);
  } catch (error) {
    const message = (error as Error).message;
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
