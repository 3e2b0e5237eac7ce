import { BuildFailed, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { parseFlags, type Command, type Io } from './command.js';
import { buildCommand } from './commands/build.js';
import { cvPdfCommand } from './commands/cv-pdf.js';
import { checkCommand } from './commands/check.js';
import { newCommand } from './commands/new.js';
import { serveCommand } from './commands/serve.js';
import { formatDiagnostic, type Colours } from './report.js';

export type { Io } from './command.js';

/** Every command, in the order `--help` lists them. */
const COMMANDS: Readonly<Record<string, Command>> = {
  build: buildCommand,
  'cv-pdf': cvPdfCommand,
  check: checkCommand,
  new: newCommand,
  serve: serveCommand,
};

function help(): string {
  const usage = [
    ...Object.entries(COMMANDS).map(([name, c]) => [`folio ${name}${c.positionals ? ` ${c.positionals}` : ''} [options]`, c.summary]),
    ['folio --help', 'show this help'],
    ['folio --version', 'show the version'],
  ];
  const width = Math.max(...usage.map(([left]) => left!.length)) + 2;
  const extra = Object.values(COMMANDS).flatMap((c) => c.flagHelp ?? []);
  return [
    `Folio ${VERSION}: static sites for academic homepages.`,
    '',
    'Usage:',
    ...usage.map(([left, right]) => `  ${left!.padEnd(width)}${right}`),
    '',
    'Options:',
    '  --content DIR    content folder (default: content)',
    '  --templates DIR  templates folder (default: templates)',
    '  --public DIR     files copied as they are (default: public)',
    '  --out DIR        output folder (default: dist)',
    '  --base-url URL   absolute URL the site is published at, e.g. https://you.github.io/repo',
    '  --strict         treat warnings as errors',
    '  --quiet, -q      print errors only',
    '  --verbose        print the time each phase took',
    ...extra.map((line) => `  ${line}`),
    '',
    'Exit codes: 0 ok, 1 content error, 2 usage error.',
  ].join('\n');
}

/** Runs the command line and returns the exit code; never exits the process itself. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const colours = io.colour ? ansi : { red: id, yellow: id, dim: id, bold: id };
  try {
    // Every command's flags are known to the parser, so a flag's value is never taken for the command name.
    const { values, positionals } = parseFlags(argv, Object.assign({}, ...Object.values(COMMANDS).map((c) => c.flags ?? {})));
    const name = positionals[0];
    const command = name === undefined ? undefined : COMMANDS[name];
    if (values.version) {
      io.stdout(VERSION);
      return 0;
    }
    if (values.help || name === 'help' || name === undefined) {
      io.stdout(help());
      return name === undefined && !values.help ? 2 : 0;
    }
    if (!command) throw new UsageError(`Unknown command "${name}". Try \`folio --help\`.`);
    const rest = positionals.slice(1);
    if (!command.positionals && rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}". Try \`folio --help\`.`);
    return await command.run({ values, positionals: rest, io, colours });
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

const id = (s: string) => s;
const ansi: Colours = {
  red: (s) => `\u001b[31m${s}\u001b[39m`,
  yellow: (s) => `\u001b[33m${s}\u001b[39m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
  bold: (s) => `\u001b[1m${s}\u001b[22m`,
};
