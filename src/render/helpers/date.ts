import type { HelperOptions } from 'handlebars';
import { stateOf } from './context.js';

type Style = 'long' | 'month' | 'year' | 'iso';

/** `{{date value "long"}}`: a `YYYY[-MM[-DD]]` date in words, in the site's language; never reads the clock or the time zone. */
export function date(value: unknown, style: unknown, options: HelperOptions): string {
  const text = String(value ?? '');
  const chosen = (typeof style === 'string' ? style : 'long') as Style;
  return formatDate(text, chosen, stateOf(options ?? style).language);
}

export function formatDate(text: string, style: Style, language = 'en'): string {
  const key = `${language}|${style}|${text}`;
  let formatted = formattedDates.get(key);
  if (formatted === undefined) {
    formatted = formatNow(text, style, language);
    if (formattedDates.size >= 4096) formattedDates.clear();
    formattedDates.set(key, formatted);
  }
  return formatted;
}

// Every page's footer formats the same date: Intl's format costs ~10 µs a call.
const formattedDates = new Map<string, string>();

function formatNow(text: string, style: Style, language: string): string {
  // Anything but a plain date ("2016, 2018", "Spring 2024", "present") is the author's own words: shown as written.
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match || style === 'iso') return text;
  const [, y, m, d] = match;
  if (style === 'year' || !m) return y!;
  const when = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d ?? 1)));
  return formatterOf(language, style === 'month' || !d ? 'month' : 'day').format(when);
}

// Creating an Intl.DateTimeFormat costs far more than using one, and a big site formats thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(language: string, precision: 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${language}|${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = precision === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
    formatter = new Intl.DateTimeFormat(language, { timeZone: 'UTC', ...options });
    formatters.set(key, formatter);
  }
  return formatter;
}
