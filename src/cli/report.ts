import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../errors.js';

export interface Colours {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const plain: Colours = { red: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s };

/** Prints one diagnostic: code, place, message, a short code frame and the hint. */
export function formatDiagnostic(d: Diagnostic, colours: Colours = plain): string {
  const place = [d.file, d.line, d.line ? d.column : undefined].filter((p) => p !== undefined).join(':');
  const label = d.severity === 'error' ? colours.red(`error[${d.code}]`) : colours.yellow(`warning[${d.code}]`);
  const lines = [`${label} ${colours.bold(place)}${d.field ? colours.dim(` (${d.field})`) : ''}`, `  ${d.message}`];
  const frame = d.line ? codeFrame(d.file, d.line, d.column) : undefined;
  if (frame) lines.push(colours.dim(frame));
  if (d.hint) lines.push(`  hint: ${d.hint}`);
  return lines.join('\n');
}

/** Two lines of context around `line`, with a caret under `column`. */
function codeFrame(file: string, line: number, column?: number): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
  const all = text.split('\n');
  if (line > all.length) return undefined;
  const from = Math.max(1, line - 1);
  const to = Math.min(all.length, line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const source = all[n - 1]!.replace(/\t/g, '→');
    out.push(`  ${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${source.length > 120 ? `${source.slice(0, 117)}…` : source}`);
    if (n === line && column && column > 0) out.push(`    ${' '.repeat(width)} | ${' '.repeat(column - 1)}^`);
  }
  return out.join('\n');
}
