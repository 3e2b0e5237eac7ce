import path from 'node:path';
import Handlebars from 'handlebars';
import { listFiles, readText } from '../content/files.js';
import { ContentError } from '../errors.js';
import { registerHelpers } from './helpers/index.js';

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
  await Promise.all([
    ...layoutFiles.map(async (name) => {
      const file = path.join(dir, 'layouts', name);
      layouts.set(name.replace(/\.hbs$/, ''), compile(env, await readText(file), file));
    }),
    ...partialFiles.map(async (name) => {
      const file = path.join(dir, 'partials', name);
      env.registerPartial(name.replace(/\.hbs$/, ''), compile(env, await readText(file), file));
    }),
  ]);
  return { dir, env, layouts };
}

/** Parses now (Handlebars compiles lazily), so a template syntax error names its file and line before any page renders. */
function compile(env: typeof Handlebars, source: string, file: string): Handlebars.TemplateDelegate {
  try {
    env.parse(source);
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
  return env.compile(source, { preventIndent: true, strict: false });
}
