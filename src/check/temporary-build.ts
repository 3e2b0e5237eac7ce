import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../build.js';
import { resolveOptions, type BuildOptions } from '../config/options.js';
import { loadSiteConfig } from '../content/site.js';
import { DiagnosticBag } from '../errors.js';
import type { SiteAddress } from './resolve.js';

/** A site built for checking: where it is, what the build reported, and where it will be published. */
export interface TemporaryBuild {
  readonly out: string;
  readonly result: BuildResult;
  readonly address: SiteAddress;
}

/**
 * Builds the site into a fresh folder under the system's temporary folder, never the output folder
 * (`options.out` is ignored), hands it to `use`, and removes it afterwards, also when the build or
 * `use` fails. A failed build throws BuildFailed, as `build` does.
 */
export async function withTemporaryBuild<T>(options: BuildOptions, use: (site: TemporaryBuild) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-check-'));
  try {
    const out = path.join(dir, 'site');
    const result = await build({ ...options, out, keepReplacedOutput: false });
    return await use({ out, result, address: await siteAddress(options) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The origin and base path the pages were rendered for: site.yml's `url`, or `--base-url`. */
async function siteAddress(options: BuildOptions): Promise<SiteAddress> {
  const resolved = resolveOptions(options);
  // The build has just read and accepted the same file, so this cannot fail but by a bug.
  const site = await loadSiteConfig(resolved.contentDir, new DiagnosticBag(), resolved.baseUrl);
  if (!site) throw new Error(`site.yml in ${resolved.contentDir} could not be read again after the build.`);
  return { origin: site.origin, basePath: site.basePath };
}
