import type { ScannedBlock } from './scan.js';

const STRING_NAME = /^@\s*string\s*[{(]\s*([^\s=#{}(),"]+)\s*=/i;
// A bare word after `=` or `#` is a macro: `booktitle = neurips`, `title = pre # " and " # post`.
const MACRO_USE = /(?:=|#)\s*([A-Za-z_][^\s=#{}(),"]*)\s*(?=[,#})]|\s*$)/g;

/**
 * The `@string` definitions of a file that `entryText` uses, directly or through another
 * `@string`, as written and in file order: an entry downloaded alone still compiles with them.
 * Macros BibTeX defines itself (`jan` … `dec`) need none.
 */
export function stringsUsedBy(entryText: string, blocks: readonly ScannedBlock[]): string[] {
  const definitions = new Map<string, { index: number; text: string }>();
  blocks.forEach((block, index) => {
    const name = block.type.toLowerCase() === 'string' ? STRING_NAME.exec(block.text)?.[1] : undefined;
    // BibTeX keeps the last definition of a name, and macro names are case-insensitive.
    if (name) definitions.set(name.toLowerCase(), { index, text: block.text });
  });
  if (definitions.size === 0) return [];
  const used = new Map<string, { index: number; text: string }>();
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(MACRO_USE)) {
      const key = name!.toLowerCase();
      const definition = definitions.get(key);
      if (!definition || used.has(key)) continue;
      used.set(key, definition);
      visit(definition.text.replace(STRING_NAME, '='));
    }
  };
  visit(entryText.slice(entryText.indexOf(',') + 1));
  return [...used.values()].sort((a, b) => a.index - b.index).map((d) => d.text);
}

/** The macro a `@string` block defines, lower-cased (BibTeX's names are case-insensitive). */
export function stringName(definition: string): string {
  return STRING_NAME.exec(definition)?.[1]?.toLowerCase() ?? definition;
}
