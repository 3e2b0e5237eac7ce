import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A hash of the source files `modules` beside the module at `from` (its `import.meta.url`), and of
 * `extra`: results cached between builds are reused only while the code that made them is unchanged.
 */
export function sourceFingerprint(from: string, modules: readonly string[], extra = ''): string {
  const hash = createHash('sha256').update(extra);
  // The path, not the URL: loaders such as tsx may add a query to it.
  const extension = new URL(from).pathname.endsWith('.ts') ? '.ts' : '.js';
  for (const name of modules) hash.update(readFileSync(fileURLToPath(new URL(`./${name}${extension}`, from))));
  return hash.digest('base64url').slice(0, 16);
}
