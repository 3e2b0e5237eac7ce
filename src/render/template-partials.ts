// `hbs.AST` is the global namespace of Handlebars' own type declarations.
type Node = hbs.AST.Node;

/** A `{{> name}}` include, where it is written (1-based line and column). */
export interface PartialUse {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/** What a parsed template includes, and the inline partials (`{{#*inline "name"}}`) it defines. */
export interface TemplatePartials {
  readonly uses: readonly PartialUse[];
  readonly inline: readonly string[];
}

/**
 * Lists the partials a template includes by a fixed name, so a missing one is reported with its
 * line before any page renders (Handlebars only notices it while rendering, without a line).
 * A partial block (`{{#> name}}…{{/name}}`) is left out: its content stands in for a missing
 * partial. So are names computed while rendering (`{{> (lookup …)}}`) and `@partial-block`.
 */
export function partialsOf(program: hbs.AST.Program): TemplatePartials {
  const uses: PartialUse[] = [];
  const inline: string[] = [];
  const walk = (node: Node | undefined): void => {
    if (!node) return;
    if (node.type === 'PartialStatement') {
      const name = fixedName((node as hbs.AST.PartialStatement).name);
      if (name !== undefined && !name.startsWith('@')) uses.push({ name, line: node.loc.start.line, column: node.loc.start.column + 1 });
    }
    if (node.type === 'DecoratorBlock') {
      const block = node as hbs.AST.DecoratorBlock;
      const name = block.path.original === 'inline' ? fixedName(block.params[0]) : undefined;
      if (name !== undefined) inline.push(name);
    }
    const parent = node as Partial<hbs.AST.BlockStatement> & Partial<hbs.AST.Program>;
    for (const child of parent.body ?? []) walk(child);
    walk(parent.program);
    walk(parent.inverse);
  };
  walk(program);
  return { uses, inline };
}

/** `name` in `{{> name}}` or `{{> "name"}}`; undefined for a sub-expression. */
function fixedName(expression: hbs.AST.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  if (expression.type === 'PathExpression') return (expression as hbs.AST.PathExpression).original;
  if (expression.type === 'StringLiteral') return (expression as hbs.AST.StringLiteral).value;
  return undefined;
}
