import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../content/files.js';
import type { BuildCache } from '../output/cache.js';
import { loadTemplates, type Templates } from './templates.js';

/** Compiled templates with the state of the files they were compiled from. */
export interface CompiledTemplates {
  readonly templates: Templates;
  readonly fingerprint: string;
}

/**
 * The templates of `dir`, reusing `previous` while no layout or partial has changed. Handlebars
 * compiles each template on first use, so a long-running `folio serve` that kept recompiling them
 * paid for it on every save (~100 ms); checking the files' sizes and times costs about 1 ms.
 * A new process takes them precompiled from `cache` (see loadTemplates).
 */
export async function templatesOf(dir: string, previous?: CompiledTemplates, cache?: BuildCache): Promise<CompiledTemplates> {
  const fingerprint = await fingerprintOf(dir);
  if (previous && previous.fingerprint === fingerprint && previous.templates.dir === dir) return previous;
  return { templates: await loadTemplates(dir, cache), fingerprint };
}

async function fingerprintOf(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of ['layouts', 'partials']) {
    const full = path.join(dir, folder);
    for (const file of await listFiles(full, ['.hbs'])) {
      const info = await stat(path.join(full, file));
      hash.update(`${folder}/${file}\0${info.size}\0${info.mtimeMs}\0`);
    }
  }
  return hash.digest('base64url');
}
