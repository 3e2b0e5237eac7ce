import type { HelperOptions, SafeString, TemplateDelegate } from 'handlebars';
import type { HandlebarsRuntime } from '../handlebars.js';

/** `{{icon "github"}}`: the partial `icon-github` (an inline SVG in templates/partials), or nothing. */
export function createIconHelper(env: HandlebarsRuntime) {
  return function icon(this: unknown, name: unknown, options: HelperOptions): SafeString {
    const partial = env.partials[`icon-${String(name)}`];
    if (partial === undefined) return new env.SafeString('');
    // templates.ts registers every partial precompiled, as a function.
    return new env.SafeString((partial as TemplateDelegate)(this, { data: options.data }));
  };
}
