import { CATALOGUE, type Code } from '../error-catalogue.js';
import type { Diagnostic } from '../errors.js';
import type { Place } from './parse.js';

/** A diagnostic at `at` in generated file `file`, with the severity the catalogue gives `code`. */
export function problem(code: Code, file: string, at: Place, message: string, hint?: string): Diagnostic {
  return { code, severity: CATALOGUE[code].severity, file, line: at.line, column: at.column, message, ...(hint ? { hint } : {}) };
}

/** Sorts by file, line and column, then code, so the report reads top to bottom and never changes order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...diagnostics].sort(
    (a, b) => order(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || order(a.code, b.code),
  );
}
