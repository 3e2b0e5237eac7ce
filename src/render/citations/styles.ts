import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A CSL style Folio can format with. */
export interface CitationStyle {
  readonly name: string;
  /** The `.csl` file it was read from; none for the styles built into plugin-csl. */
  readonly file?: string;
  readonly xml: string;
  /** sha256 of the XML: names the style to the engine and keys the cache. */
  readonly hash: string;
}

const require = createRequire(import.meta.url);

/**
 * Lists the styles of `stylesDir` (`name.csl` is the style `name`) over those plugin-csl ships
 * (apa, vancouver, harvard1); a file of the same name replaces the built-in style.
 * A missing folder only means there are no style files.
 */
export async function findStyles(stylesDir: string): Promise<Map<string, () => Promise<CitationStyle>>> {
  const found = new Map<string, () => Promise<CitationStyle>>();
  // Read from plugin-csl's data file rather than by importing the plugin, which starts citeproc:
  // a build whose citations all come from the cache never pays for that.
  const builtIn = once(async () => JSON.parse(await readFile(require.resolve('@citation-js/plugin-csl/lib/styles.json'), 'utf8')) as Record<string, string>);
  for (const name of Object.keys(await builtIn()).sort()) {
    found.set(name, once(async () => style(name, (await builtIn())[name]!)));
  }
  let files: string[];
  try {
    files = await readdir(stylesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return found;
    throw new Error(`The citation styles folder ${stylesDir} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  for (const file of files.filter((f) => f.endsWith('.csl')).sort()) {
    const [name, full] = [path.basename(file, '.csl'), path.join(stylesDir, file)];
    found.set(name, once(async () => style(name, await readFile(full, 'utf8'), full)));
  }
  return found;
}

function style(name: string, xml: string, file?: string): CitationStyle {
  return { name, xml, hash: createHash('sha256').update(xml).digest('hex'), ...(file ? { file } : {}) };
}

/** The versions of plugin-csl and citeproc: a new engine may word an entry differently, so they key the cache too. */
export function engineVersions(): string {
  const plugin = require.resolve('@citation-js/plugin-csl/package.json');
  const citeproc = createRequire(plugin).resolve('citeproc/package.json');
  const version = (file: string) => (require(file) as { version: string }).version;
  return `plugin-csl ${version(plugin)}, citeproc ${version(citeproc)}`;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
}
