import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { build, type BuildOptions, type BuildResult } from '../../src/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BuiltSite {
  readonly out: string;
  readonly result: BuildResult;
  /** Every file written, as sorted paths relative to `out`. */
  readonly files: readonly string[];
  html(file: string): Promise<CheerioAPI>;
  text(file: string): Promise<string>;
  cleanup(): Promise<void>;
}

/** Builds `content` (relative to the repository) with the default templates into a fresh temporary folder. */
export async function buildFixture(content: string, options: Omit<BuildOptions, 'content' | 'out'> = {}): Promise<BuiltSite> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-test-'));
  const out = path.join(dir, 'dist');
  const result = await build({
    templates: path.join(ROOT, 'templates'),
    // A fixture with no public/ of its own gets the repository's, which carries the theme's stylesheet.
    public: existsSync(path.join(ROOT, content, 'public')) ? path.join(ROOT, content, 'public') : path.join(ROOT, 'public'),
    ...options,
    content: path.join(ROOT, content),
    out,
  });
  const files = (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  return {
    out,
    result,
    files,
    html: async (file) => load(await readFile(path.join(out, file), 'utf8')),
    text: (file) => readFile(path.join(out, file), 'utf8'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
