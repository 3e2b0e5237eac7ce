import { createHash } from 'node:crypto';

/** The hash argument that names a `{{#reuse}}` block; set by the compiler, not by templates. */
export const BLOCK_NAME = '_block';

/**
 * Names every `{{#reuse}}` block of the template `template` (`layouts/home`) by that name and the
 * block as parsed, as a hash argument the helper reads: a block shares its renderings within a
 * build and between builds, and two different blocks over the same object never share theirs. The
 * parsed block, not its source text: whether a tag alone on its line keeps its newline depends on
 * the text around it, and the parser has decided that. The template's name: `{{> card}}` may be
 * an inline partial of that layout. Changes the tree in place; call it before compiling.
 */
export function nameReuseBlocks(program: hbs.AST.Program, template: string): void {
  const walk = (node: hbs.AST.Node | undefined): void => {
    if (!node) return;
    const block = node as Partial<hbs.AST.BlockStatement> & Partial<hbs.AST.Program>;
    if (node.type === 'BlockStatement' && block.path?.type === 'PathExpression' && (block.path as hbs.AST.PathExpression).original === 'reuse') {
      const parsed = JSON.stringify({ ...node, hash: withoutName(block.hash) }, withoutPlaces);
      const name = createHash('sha256').update(`${template}\0${parsed}`).digest('base64url').slice(0, 16);
      const value: hbs.AST.StringLiteral = { type: 'StringLiteral', value: name, original: name, loc: node.loc };
      const hash: hbs.AST.Hash = block.hash ?? { type: 'Hash', pairs: [], loc: node.loc };
      hash.pairs = [...hash.pairs.filter((pair) => pair.key !== BLOCK_NAME), { type: 'HashPair', key: BLOCK_NAME, value, loc: node.loc }];
      (node as hbs.AST.BlockStatement).hash = hash;
    }
    for (const child of block.body ?? []) walk(child);
    walk(block.program);
    walk(block.inverse);
  };
  walk(program);
}

function withoutName(hash: hbs.AST.Hash | undefined): hbs.AST.Hash | undefined {
  return hash && { ...hash, pairs: hash.pairs.filter((pair) => pair.key !== BLOCK_NAME) };
}

/**
 * Leaves out where each node was written (`loc`) and the text as written of a piece of content
 * (`original`, before the parser stripped standalone lines), so a block is named by what it renders.
 */
function withoutPlaces(this: unknown, key: string, value: unknown): unknown {
  if (key === 'loc') return undefined;
  if (key === 'original' && (this as { type?: string }).type === 'ContentStatement') return undefined;
  return value;
}
