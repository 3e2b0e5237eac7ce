import { createHash } from 'node:crypto';

/** The hash argument that names a `{{#reuse}}` block; set by the compiler, not by templates. */
export const BLOCK_NAME = '_block';

/**
 * Names every `{{#reuse}}` block of `program` by its source text, as a hash argument the helper
 * reads: the same block (four layouts include the same card) shares its renderings within a build
 * and between builds, and two different blocks over the same object never share theirs. Changes the
 * tree in place; call it before compiling.
 */
export function nameReuseBlocks(program: hbs.AST.Program, source: string): void {
  const lineStarts = [0];
  for (let at = source.indexOf('\n'); at !== -1; at = source.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offset = ({ line, column }: hbs.AST.Position) => (lineStarts[line - 1] ?? source.length) + column;

  const walk = (node: hbs.AST.Node | undefined): void => {
    if (!node) return;
    const block = node as Partial<hbs.AST.BlockStatement> & Partial<hbs.AST.Program>;
    if (node.type === 'BlockStatement' && block.path?.type === 'PathExpression' && (block.path as hbs.AST.PathExpression).original === 'reuse') {
      const text = source.slice(offset(node.loc.start), offset(node.loc.end));
      const name = createHash('sha256').update(text).digest('base64url').slice(0, 16);
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
