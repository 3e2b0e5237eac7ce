import type { HelperDelegate } from 'handlebars';
import { handlebarsRuntime, type HandlebarsRuntime } from '../handlebars.js';
import { absUrl } from './abs-url.js';
import { date } from './date.js';
import { createIconHelper } from './icon.js';
import { json } from './json.js';
import { eq, join } from './logic.js';
import { reuse } from './reuse.js';
import { url } from './url.js';

/** Folio's helpers for templates of the environment `env` (`icon` renders that environment's partials). */
function helpersOf(env: HandlebarsRuntime): Record<string, HelperDelegate> {
  return { url, abs_url: absUrl, date, icon: createIconHelper(env), json, eq, join, reuse };
}

/** The names of Folio's own helpers, besides Handlebars' built-in ones (`if`, `each`, `with`, `lookup`…). */
export const HELPER_NAMES: readonly string[] = Object.keys(helpersOf(handlebarsRuntime));

/** Every helper the templates can call, registered on one Handlebars environment. */
export function registerHelpers(env: HandlebarsRuntime): void {
  env.registerHelper(helpersOf(env));
}
