import { parseArgs } from 'node:util';
import { BuildFailed, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { formatDiagnostic, type Colours } from './report.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour the output (a terminal, not CI). */
  readonly colour: boolean;
}

const HELP = `Folio ${VERSION}: static sites for academic homepages.

Usage:
  folio build [options]     build content/ into dist/
  folio --help              show this help
  folio --version           show the version

Options:
  --content DIR    content folder (default: content)
  --templates DIR  templates folder (default: templates)
  --public DIR     files copied as they are (default: public)
  --out DIR        output folder (default: dist)
  --base-url URL   absolute URL the site is published at, e.g. https://you.github.io/repo
  --strict         treat warnings as errors

Exit codes: 0 ok, 1 content error, 2 usage error.`;

const BUILD_FLAGS = {
  content: { type: 'string' },
  templates: { type: 'string' },
  public: { type: 'string' },
  out: { type: 'string' },
  'base-url': { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Runs the command line and returns the exit code; never exits the process itself. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const colours = io.colour ? ansi : { red: id, yellow: id, dim: id, bold: id };
  try {
    const { values, positionals } = parseFlags(argv);
    if (values.version) {
      io.stdout(VERSION);
      return 0;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === 'help' || command === undefined) {
      io.stdout(HELP);
      return command === undefined && !values.help ? 2 : 0;
    }
    if (command !== 'build') throw new UsageError(`Unknown command "${command}". Try \`folio --help\`.`);
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}". Try \`folio --help\`.`);
    // Loaded on demand: `--help` and `--version` should not pay for the whole pipeline.
    const { build } = await import('../build.js');
    const result = await build({
      ...(values.content ? { content: values.content } : {}),
      ...(values.templates ? { templates: values.templates } : {}),
      ...(values.public ? { public: values.public } : {}),
      ...(values.out ? { out: values.out } : {}),
      ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}),
      strict: values.strict ?? false,
    });
    for (const warning of result.warnings) io.stderr(formatDiagnostic(warning, colours));
    io.stdout(
      `Built ${result.pages} pages, ${result.publications} publications, ${result.talks} talks: ${result.filesWritten} files written in ${result.milliseconds} ms.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(colours.red(`error: ${error.message}`));
      return 2;
    }
    if (error instanceof BuildFailed) {
      for (const d of error.diagnostics) io.stderr(formatDiagnostic(d, colours));
      const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = error.diagnostics.length - errors;
      io.stderr(colours.red(`Build failed: ${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}. The output folder was left as it was.`));
      return 1;
    }
    io.stderr(`Folio crashed. This is a bug in Folio, not in your content; please report it with this trace:\n${(error as Error).stack ?? String(error)}`);
    return 70;
  }
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: BUILD_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} Try \`folio --help\`.`);
  }
}

const id = (s: string) => s;
const ansi: Colours = {
  red: (s) => `\u001b[31m${s}\u001b[39m`,
  yellow: (s) => `\u001b[33m${s}\u001b[39m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
};
