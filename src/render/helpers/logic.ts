/** `{{#if (eq a b)}}` */
export function eq(a: unknown, b: unknown): boolean {
  return a === b;
}

/** `{{join list ", "}}` (the separator defaults to ", "). */
export function join(list: unknown, separator: unknown): string {
  if (!Array.isArray(list)) return '';
  return list.map(String).join(typeof separator === 'string' ? separator : ', ');
}
