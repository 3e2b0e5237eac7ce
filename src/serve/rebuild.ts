import type { Diagnostic } from '../errors.js';
import type { OverlayProblem } from './live-reload.js';

/** A queue of at most one: builds never overlap, and changes made during one make one more. */
export interface BuildQueue {
  /** Builds now for `changed`, or right after the running build if there is one. */
  request(changed: readonly string[]): void;
  /** Resolves when no build is running or waiting. */
  idle(): Promise<void>;
}

/** Runs `build` one at a time, merging the changes that arrive while it runs into the next call. */
export function buildQueue(build: (changed: readonly string[]) => Promise<void>): BuildQueue {
  const pending = new Set<string>();
  let waiting = false;
  let running: Promise<void> | undefined;
  const loop = async () => {
    try {
      while (waiting) {
        waiting = false;
        const changed = [...pending];
        pending.clear();
        await build(changed);
      }
    } finally {
      running = undefined;
    }
  };
  return {
    request(changed) {
      for (const file of changed) pending.add(file);
      waiting = true;
      running ??= loop();
    },
    idle: () => running ?? Promise.resolve(),
  };
}

/** A content problem as the page overlay shows it. */
export function problemOf(d: Diagnostic): OverlayProblem {
  const place = [d.file, d.line, d.line ? d.column : undefined].filter((p) => p !== undefined).join(':');
  return { severity: d.severity, code: d.code, ...(place ? { place } : {}), message: d.message, ...(d.hint ? { hint: d.hint } : {}) };
}

/** An unexpected error in a rebuild: a bug, said to be one, with the trace left to the terminal. */
export function crashProblem(error: unknown): OverlayProblem {
  return {
    severity: 'bug',
    code: 'Crash',
    message: error instanceof Error ? error.message : String(error),
    hint: 'This is a bug in Folio, not in your content; the trace is in the terminal. The last good build is still served, and the next save tries again.',
  };
}
