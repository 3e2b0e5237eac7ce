import { resolveOptions, type BuildOptions } from './config/options.js';
import { listFiles } from './content/files.js';
import { loadContent } from './content/index.js';
import { BuildFailed, collect, DiagnosticBag, type Diagnostic } from './errors.js';
import { buildSite, type SiteModel } from './model/site.js';
import { renderSite, type OutputFile } from './render/site.js';
import { loadTemplates } from './render/templates.js';
import { BuildCache } from './output/cache.js';
import { writeSite } from './output/write.js';
import { VERSION } from './version.js';

/** What one successful build did. */
export interface BuildResult {
  readonly pages: number;
  readonly publications: number;
  readonly talks: number;
  readonly filesWritten: number;
  readonly milliseconds: number;
  /** Milliseconds spent in each phase, in run order. */
  readonly phases: Readonly<Record<'load' | 'model' | 'render' | 'write', number>>;
  readonly warnings: readonly Diagnostic[];
}

/** A site rendered in memory: what `build` writes, and what `folio serve` serves without writing. */
export interface RenderedSite {
  readonly model: SiteModel;
  readonly files: readonly OutputFile[];
  /** Files of public/, relative to it. */
  readonly publicFiles: readonly string[];
  readonly warnings: readonly Diagnostic[];
  readonly phases: Readonly<Record<'load' | 'model' | 'render', number>>;
  /** Hand to the next renderSiteInMemory call of a long-running process to reuse this build's work. */
  readonly caches: BuildCaches;
}

export interface BuildCaches {
  readonly markdown: BuildCache;
}

/**
 * Loads, models and renders the site without writing it. Throws BuildFailed with every problem
 * found (sorted by file and line). `previous` carries the caches of an earlier build of this process.
 */
export async function renderSiteInMemory(options: BuildOptions = {}, previous?: BuildCaches): Promise<RenderedSite> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const bag = new DiagnosticBag();
  const clock = phaseClock(started);
  const [content, templates, publicFiles, markdownCache] = await Promise.all([
    loadContent(resolved.contentDir, bag, resolved.baseUrl),
    loadTemplates(resolved.templatesDir).catch((error) => collect(bag, () => { throw error; })),
    listFiles(resolved.publicDir, ['']),
    previous ? previous.markdown.next() : BuildCache.open(resolved.cacheDir, 'markdown'),
  ]);
  const load = clock();
  const model = content ? buildSite(content, bag, new Set(publicFiles)) : undefined;
  const modelled = clock();
  const files = model && templates ? renderSite(model, templates, bag, { version: VERSION, markdownCache, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }) : [];
  const rendered = clock();

  const shadowed = new Set(publicFiles);
  for (const file of files) {
    if (shadowed.has(file.path)) {
      bag.warn('PublicOverridesPage', `public/${file.path} replaces the page Folio renders at the same path.`, { file: `${resolved.publicDir}/${file.path}` }, 'Rename the file in public/, or change the page\'s permalink.');
    }
  }
  const diagnostics = bag.list(resolved.strict);
  if (diagnostics.some((d) => d.severity === 'error') || !model) throw new BuildFailed(diagnostics);
  return { model, files, publicFiles, warnings: diagnostics, phases: { load, model: modelled, render: rendered }, caches: { markdown: markdownCache } };
}

/**
 * Builds the site: content → model → pages → output folder. Throws BuildFailed with every problem
 * found (sorted by file and line) and leaves the output folder untouched when anything is wrong.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const site = await renderSiteInMemory(options);
  const writing = performance.now();
  await writeSite(site.files, resolved.outDir, resolved.publicDir, site.model.attachments);
  // Only after a good build, so a failed one never leaves half its work behind as "known good".
  await site.caches.markdown.save().catch(() => undefined);
  const { model } = site;
  const written = new Set([...site.files.map((f) => f.path), ...model.attachments.map((a) => a.to), ...site.publicFiles]).size;
  return {
    pages: model.routes.length,
    publications: model.publications.length,
    talks: model.talks.length,
    filesWritten: written,
    milliseconds: Math.round(performance.now() - started),
    phases: { ...site.phases, write: Math.round((performance.now() - writing) * 10) / 10 },
    warnings: site.warnings,
  };
}

/** Each call returns the milliseconds since the previous one. */
function phaseClock(start: number): () => number {
  let last = start;
  return () => {
    const now = performance.now();
    const elapsed = Math.round((now - last) * 10) / 10;
    last = now;
    return elapsed;
  };
}
