import type Handlebars from 'handlebars';
import { absUrl } from './abs-url.js';
import { date } from './date.js';
import { createIconHelper } from './icon.js';
import { json } from './json.js';
import { eq, join } from './logic.js';
import { reuse } from './reuse.js';
import { url } from './url.js';

/** Every helper the templates can call, registered on one Handlebars environment. */
export function registerHelpers(env: typeof Handlebars): void {
  env.registerHelper({
    url,
    abs_url: absUrl,
    date,
    icon: createIconHelper(env),
    json,
    eq,
    join,
    reuse,
  });
}
