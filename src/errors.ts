import type { Code } from './error-catalogue.js';

/** Where in the user's files a problem is. Lines and columns are 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** The front-matter, YAML or BibTeX field at fault, e.g. `title` or `author.links`. */
  readonly field?: string;
}

export type Severity = 'error' | 'warning';

/** One problem in the user's content, reported with its permanent code. */
export interface Diagnostic extends SourceLocation {
  /** A permanent code from the catalogue (src/error-catalogue.ts, docs/errors.md). */
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
}

/** A mistake in the user's content: printed without a stack trace. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Every error of one build, reported together. */
export class BuildFailed extends Error {
  override readonly name = 'BuildFailed';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    super(`Build failed with ${errors} error${errors === 1 ? '' : 's'}.`);
  }
}

/** A wrong flag or argument on the command line (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Collects the problems of one build so they are reported together, sorted by file and line. */
export class DiagnosticBag {
  readonly #items: Diagnostic[] = [];

  error(code: Code, message: string, at: SourceLocation, hint?: string): void {
    this.#items.push({ ...at, code, severity: 'error', message, ...(hint ? { hint } : {}) });
  }

  warn(code: Code, message: string, at: SourceLocation, hint?: string): void {
    this.#items.push({ ...at, code, severity: 'warning', message, ...(hint ? { hint } : {}) });
  }

  add(diagnostic: Diagnostic): void {
    this.#items.push(diagnostic);
  }

  get hasErrors(): boolean {
    return this.#items.some((d) => d.severity === 'error');
  }

  /** All problems, sorted by file, line and column; with `strict`, warnings count as errors. */
  list(strict = false): Diagnostic[] {
    const items = strict
      ? this.#items.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d))
      : [...this.#items];
    return items.sort(
      (a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0),
    );
  }
}

/** Runs `fn`, turning a thrown ContentError into a diagnostic; any other error is a bug and propagates. */
export function collect<T>(bag: DiagnosticBag, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ContentError) {
      bag.add(error.diagnostic);
      return undefined;
    }
    throw error;
  }
}
