/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of YAML's, so a title with quotes,
 * colons, `#` or a leading `-` stays one string instead of breaking the front matter.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Text for a BibTeX field: the characters LaTeX gives a meaning (`$` starts math, `%` a comment,
 * `&` a table column, `#` and `_` macros) are escaped; braces, which could unbalance the entry, and
 * backslashes, which would start LaTeX commands, are dropped.
 */
export function bibtexText(text: string): string {
  return text.replace(/[{}]/g, '').replace(/\\/g, '').replace(/[$%&#_]/g, (c) => `\\${c}`);
}
