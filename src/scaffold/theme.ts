import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folio's own folder: `src/scaffold/` and the compiled `lib/scaffold/` are both two levels below it. */
export const FOLIO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The default theme a new site gets its own copy of: the templates, and the part of public/ they
 * need (stylesheet, favicon). The rest of Folio's public/ is the example researcher's PDFs.
 */
const THEME_FOLDERS = ['templates', 'public/assets'];

/** Copies the default theme into `site`; fails rather than overwrite a file. */
export async function copyTheme(site: string): Promise<void> {
  for (const folder of THEME_FOLDERS) {
    await cp(path.join(FOLIO_ROOT, folder), path.join(site, folder), { recursive: true, force: false, errorOnExist: true });
  }
}
