import type { SafeString } from 'handlebars';
import { handlebarsRuntime } from '../handlebars.js';

/**
 * `{{json value}}`: JSON safe inside `<script type="application/ld+json">`: `<`, `>` and `&` are
 * written as \u escapes so data can never close the script element.
 */
export function json(value: unknown): SafeString {
  return new handlebarsRuntime.SafeString(safeJson(value));
}

export function safeJson(value: unknown): string {
  return JSON.stringify(value ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
