import Handlebars, { type HelperOptions } from 'handlebars';

/** `{{icon "github"}}`: the partial `icon-github` (an inline SVG in templates/partials), or nothing. */
export function createIconHelper(env: typeof Handlebars) {
  return function icon(this: unknown, name: unknown, options: HelperOptions): Handlebars.SafeString {
    const partial = env.partials[`icon-${String(name)}`];
    if (partial === undefined) return new env.SafeString('');
    const render = typeof partial === 'function' ? partial : env.compile(partial);
    env.partials[`icon-${String(name)}`] = render;
    return new env.SafeString(render(this, { data: options.data }));
  };
}
