import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import type { BuildOptions } from '../config/options.js';
import type { Colours } from './report.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour the output (a terminal, not CI). */
  readonly colour: boolean;
  /** Rewrites one status line in place; only given for a terminal (never in CI logs). */
  readonly status?: (text: string) => void;
}

/** What every command gets: its parsed flags and positionals, and where to print. */
export interface CommandContext {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
  readonly io: Io;
  readonly colours: Colours;
}

type FlagSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/** One `folio <name>` command; `run` returns the exit code. */
export interface Command {
  readonly summary: string;
  /** Flags beyond the common ones, e.g. serve's `--port`. */
  readonly flags?: FlagSpec;
  /** Help lines for those flags. */
  readonly flagHelp?: readonly string[];
  /** Names of positional arguments, e.g. `<dir>`; none allowed when absent. */
  readonly positionals?: string;
  run(context: CommandContext): Promise<number>;
}

/** The folder flags every command shares, so `check` and `serve` take the same ones as `build`. */
export const COMMON_FLAGS = {
  content: { type: 'string' },
  templates: { type: 'string' },
  public: { type: 'string' },
  out: { type: 'string' },
  'base-url': { type: 'string' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies FlagSpec;

export function parseFlags(argv: readonly string[], extra: FlagSpec = {}) {
  try {
    return parseArgs({ args: [...argv], options: { ...COMMON_FLAGS, ...extra }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message} Try \`folio --help\`.`);
  }
}

/**
 * What a build keeps for the next one besides its caches: the site it replaces (BuildOptions
 * keepReplacedOutput), for a researcher who builds again and again. Not in CI (the `CI` variable
 * set, as every CI service does), which builds once in a fresh checkout: a kept site is a second
 * copy of the site and its manifest for a next build that never finds it.
 */
export function keptForNextBuild(env: NodeJS.ProcessEnv = process.env): Pick<BuildOptions, 'keepReplacedOutput'> {
  const ci = Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
  return ci ? { keepReplacedOutput: false } : {};
}

/** The build options the folder flags ask for; unset flags keep the library defaults. */
export function buildOptionsOf(values: CommandContext['values']): BuildOptions {
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const picked = { content: text('content'), templates: text('templates'), public: text('public'), out: text('out'), baseUrl: text('base-url') };
  return { ...(Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined)) as BuildOptions), strict: values.strict === true };
}
