import type { DiagnosticBag } from '../errors.js';
import { closest } from './suggest.js';

type LineOf = (path: readonly (string | number)[]) => number | undefined;

/**
 * Typed reads of a YAML map, reporting a wrong type or a missing required field into the build's
 * diagnostics (with file, line and field) instead of throwing, so one build reports every mistake.
 */
export class Fields {
  constructor(
    readonly data: Record<string, unknown>,
    readonly file: string,
    private readonly bag: DiagnosticBag,
    private readonly lineOf: LineOf,
    private readonly prefix: readonly (string | number)[] = [],
  ) {}

  has(name: string): boolean {
    return this.data[name] !== undefined && this.data[name] !== null;
  }

  /** A text value; numbers are accepted and written as text (YAML reads `2024` as a number). */
  string(name: string, required = false): string | undefined {
    const value = this.data[name];
    if (value === undefined || value === null || value === '') {
      if (required) this.missing(name);
      return undefined;
    }
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.wrongType(name, 'text', value);
    return undefined;
  }

  boolean(name: string): boolean | undefined {
    const value = this.data[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    this.wrongType(name, '`true` or `false`', value);
    return undefined;
  }

  number(name: string): number | undefined {
    const value = this.data[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.wrongType(name, 'a number', value);
    return undefined;
  }

  /** A list of texts; a single text is read as a list of one, as Jekyll does. */
  strings(name: string): string[] {
    const value = this.data[name];
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    if (list.every((v) => typeof v === 'string' || typeof v === 'number')) return list.map(String);
    this.wrongType(name, 'a list of texts', value);
    return [];
  }

  /** A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a time after the day is dropped). */
  date(name: string, required = false): string | undefined {
    const text = this.string(name, required);
    if (text === undefined) return undefined;
    const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[ T].*)?$/.exec(text.trim());
    if (!match) {
      this.bag.error('InvalidDate', `\`${this.path(name)}\` must be a date like 2025-11-03, 2025-11 or 2025; found "${text}".`, this.at(name));
      return undefined;
    }
    const [, y, m, d] = match;
    return [y, m?.padStart(2, '0'), d?.padStart(2, '0')].filter(Boolean).join('-');
  }

  /** A nested map, read with the same care. */
  map(name: string): Fields | undefined {
    const value = this.data[name];
    if (value === undefined || value === null) return undefined;
    if (isRecord(value)) return new Fields(value, this.file, this.bag, this.lineOf, [...this.prefix, name]);
    this.wrongType(name, 'a map of `field: value` lines', value);
    return undefined;
  }

  /** A list of maps, each read with the same care. */
  maps(name: string): Fields[] {
    const value = this.data[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.wrongType(name, 'a list (lines starting with "- ")', value);
      return [];
    }
    const out: Fields[] = [];
    value.forEach((item, i) => {
      if (isRecord(item)) out.push(new Fields(item, this.file, this.bag, this.lineOf, [...this.prefix, name, i]));
      else this.wrongType(`${name}[${i}]`, 'a map of `field: value` lines', item, [...this.prefix, name, i]);
    });
    return out;
  }

  /** Warns about every field not in `known` (a typo would otherwise be dropped silently). */
  warnUnknown(known: readonly string[]): void {
    for (const name of Object.keys(this.data)) {
      if (known.includes(name)) continue;
      const guess = closest(name, known);
      this.bag.warn(
        'UnknownField',
        `Unknown field \`${this.path(name)}\` is ignored.`,
        this.at(name),
        guess ? `Did you mean \`${guess}\`?` : `Known fields: ${known.join(', ')}.`,
      );
    }
  }

  /** The 1-based line of this map (or of one of its fields). */
  line(name?: string): number | undefined {
    return this.lineOf(name === undefined ? this.prefix : [...this.prefix, name]) ?? this.lineOf(this.prefix);
  }

  at(name?: string): { file: string; line?: number; field?: string } {
    const line = this.line(name);
    return { file: this.file, ...(line ? { line } : {}), ...(name ? { field: this.path(name) } : {}) };
  }

  private path(name: string): string {
    return [...this.prefix, name].map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('.').replace(/\.\[/g, '[');
  }

  private missing(name: string): void {
    this.bag.error('MissingRequiredField', `The required field \`${this.path(name)}\` is missing.`, this.at(), `Add a line \`${name}: …\`.`);
  }

  private wrongType(name: string, expected: string, value: unknown, path?: readonly (string | number)[]): void {
    const line = path ? this.lineOf(path) : this.line(name);
    this.bag.error(
      'WrongFieldType',
      `\`${this.path(name)}\` must be ${expected}, but it is ${describe(value)}.`,
      { file: this.file, ...(line ? { line } : {}), field: this.path(name) },
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a map';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}
