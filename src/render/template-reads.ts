/**
 * Which names of the page context a template can read: the first segment of every path it looks up
 * in the root context (`publication` in `{{publication.title}}`, `site` in `{{@root.site.title}}`
 * or in `{{../site.title}}` inside an `each`). `undefined` when the template can see the whole
 * context (`{{json this}}` or `{{> partial this}}` where `this` is the page's root, a bare
 * `@root`): then every name counts. A partial is read as if its context were the root, since it
 * may be included there.
 *
 * Over-counting is safe (a page is rendered again for nothing); under-counting is not (a page kept
 * although what it shows changed), so anything unclear counts as reading everything.
 */
export function readsOf(program: hbs.AST.Program): ReadonlySet<string> | undefined {
  const names = new Set<string>();
  let everything = false;

  const path = (p: hbs.AST.PathExpression, scope: number) => {
    if (p.data) {
      if (p.parts[0] !== 'root') return;
      if (p.parts.length === 1) everything = true;
      else names.add(p.parts[1]!);
    } else if (scope - p.depth <= 0) {
      // A path of the page's own root context: `this` alone is all of it.
      if (p.parts.length === 0) everything = true;
      else names.add(p.parts[0]!);
    }
    // Deeper, a path is looked up in that block's own context only (Handlebars without `compat`):
    // `{{projects}}` inside `{{#with publication}}` is the publication's, not the site's.
  };

  const expression = (e: hbs.AST.Expression, scope: number) => {
    if (e.type === 'PathExpression') path(e as hbs.AST.PathExpression, scope);
    else if (e.type === 'SubExpression') call(e as hbs.AST.SubExpression, scope);
  };

  const args = (node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, scope: number) => {
    for (const param of node.params) expression(param, scope);
    for (const pair of node.hash?.pairs ?? []) expression(pair.value, scope);
  };

  /** A helper call: its name is a helper's (templates can call only known ones), its arguments are read. */
  const call = (node: { path: hbs.AST.PathExpression | hbs.AST.Expression; params: hbs.AST.Expression[]; hash: hbs.AST.Hash }, scope: number) => {
    const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (!isCall) expression(node.path, scope);
    args(node, scope);
  };

  const statements = (body: readonly hbs.AST.Statement[], scope: number) => {
    for (const node of body) {
      switch (node.type) {
        case 'MustacheStatement':
        case 'Decorator':
          call(node as hbs.AST.MustacheStatement, scope);
          break;
        case 'BlockStatement':
        case 'DecoratorBlock': {
          const block = node as hbs.AST.BlockStatement;
          call(block, scope);
          const helper = block.path.type === 'PathExpression' ? (block.path as hbs.AST.PathExpression).original : '';
          // Inside `each` and `with`, `this` is an item or a field, never the root; any other block
          // (`if`, a section over a value, `reuse`) may run with the context it was given.
          const inner = helper === 'each' || helper === 'with' ? scope + 1 : scope;
          if (block.program) statements(block.program.body, inner);
          if (block.inverse) statements(block.inverse.body, scope);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const partial = node as hbs.AST.PartialStatement & { program?: hbs.AST.Program };
          expression(partial.name, scope);
          // Without a context argument the partial sees this context; its own reads are counted
          // with every partial's (see layoutReads).
          args(partial, scope);
          if (partial.program) statements(partial.program.body, scope);
          break;
        }
        default:
          break;
      }
    }
  };

  statements(program.body, 0);
  return everything ? undefined : names;
}

/**
 * For each layout, the sorted names a page of it can read: its own, the base layout's and every
 * partial's (a partial may be included by name from a helper, so all of them count). `null` when
 * one of them can read the whole context.
 */
export function layoutReads(layouts: ReadonlyMap<string, hbs.AST.Program>, partials: readonly hbs.AST.Program[]): Record<string, string[] | null> {
  const shared = [...partials, ...(layouts.has('base') ? [layouts.get('base')!] : [])].map(readsOf);
  const out: Record<string, string[] | null> = {};
  for (const [name, program] of layouts) {
    const all = [readsOf(program), ...shared];
    out[name] = all.some((reads) => reads === undefined) ? null : [...new Set(all.flatMap((reads) => [...reads!]))].sort();
  }
  return out;
}
