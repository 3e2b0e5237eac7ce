import { hash } from 'node:crypto';
import path from 'node:path';
import { resolveOptions, type BuildOptions } from './config/options.js';
import { listFiles } from './content/files.js';
import { keepConversionsIn } from './content/bibtex/latex.js';
import { keepYamlIn } from './content/yaml.js';
import { loadContent } from './content/index.js';
import { BuildFailed, collect, DiagnosticBag, type Diagnostic } from './errors.js';
import { buildSite, type SiteModel } from './model/site.js';
import type { CitationFormatter } from './render/citations.js';
import { renderSiteTo, siteMarkdown, type FormattedCitation, type OutputFile, type RenderInfo } from './render/site.js';
import { reportMissingLinkedFiles } from './render/markdown/linked-files.js';
import { prerenderPages } from './render/prerender.js';
import { templatesOf, type CompiledTemplates } from './render/template-cache.js';
import { BuildCache } from './output/cache.js';
import { SiteWriter } from './output/write.js';
import { VERSION } from './version.js';

/** What one successful build did. */
export interface BuildResult {
  readonly pages: number;
  readonly publications: number;
  readonly talks: number;
  /** The files of the site: its pages, attachments and public/ files, written or left as they were. */
  readonly filesWritten: number;
  /** Of those, the files already in place byte for byte from an earlier build, and not written again. */
  readonly filesUnchanged: number;
  /** Pages not rendered at all: their file, from an earlier build, was in place with the same page key. */
  readonly pagesKept: number;
  readonly milliseconds: number;
  /** Milliseconds spent in each phase, in run order. */
  readonly phases: Readonly<Record<'load' | 'model' | 'cite' | 'render' | 'write', number>>;
  readonly warnings: readonly Diagnostic[];
}

/** A site rendered in memory: what `build` writes, and what `folio serve` serves without writing. */
export interface RenderedSite {
  readonly model: SiteModel;
  readonly files: readonly OutputFile[];
  /** Every file rendered, by path below the output folder, emitted or not. */
  readonly paths: readonly string[];
  /** Files of public/, relative to it. */
  readonly publicFiles: readonly string[];
  readonly warnings: readonly Diagnostic[];
  readonly phases: Readonly<Record<'load' | 'model' | 'cite' | 'render', number>>;
  /** Hand to the next renderSiteInMemory call of a long-running process to reuse this build's work. */
  readonly caches: BuildCaches;
}

export interface BuildCaches {
  readonly markdown: BuildCache;
  /** Parsed .bib files, by their text. */
  readonly bibtex: BuildCache;
  /** BibTeX fields converted from LaTeX to HTML, by their text. */
  readonly latex: BuildCache;
  /** YAML (site.yml, data files, front matter) read, by its text; front matter split, by the file's text. */
  readonly yaml: BuildCache;
  /** `{{#reuse}}` blocks (publication cards), read only by a build that renders one. */
  readonly blocks: BuildCache;
  /** Templates precompiled by this process's first build, for the next process (`folio serve` keeps `templates`). */
  readonly precompiledTemplates?: BuildCache;
  /** Compiled templates, reused while the template files are unchanged. */
  readonly templates?: CompiledTemplates;
  /** Started on the first build with publications; keeps its citeproc engines and cache. */
  readonly citations?: CitationFormatter;
}

/**
 * Loads, models and renders the site without writing it. Throws BuildFailed with every problem
 * found (sorted by file and line). `previous` carries the caches of an earlier build of this process.
 * With `emit`, each file goes there as soon as it is rendered and `files` stays empty; with
 * `unchanged` too, a page whose file is in place as it would be rendered is not rendered again.
 */
export async function renderSiteInMemory(options: BuildOptions = {}, previous?: BuildCaches, emit?: (file: OutputFile) => void, unchanged?: RenderInfo['unchanged']): Promise<RenderedSite> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  const bag = new DiagnosticBag();
  const clock = phaseClock(started);
  const [bibtexCache, markdownCache, latexCache, yamlCache, templatesCache] = previous
    ? [previous.bibtex.next(), previous.markdown.next(), previous.latex.next(), previous.yaml.next(), undefined]
    : await Promise.all(['bibtex', 'markdown', 'latex', 'yaml', 'templates'].map((kind) => BuildCache.open(resolved.cacheDir, kind)));
  // Publication cards kept from this process's last build (folio serve), in memory only: read back
  // from disk, 10,000 cards (38 MB) took longer than rendering them again (a warm 10,000-entry
  // build: 11.9-12.6 s with them, 10.1 s without).
  const blocksCache = previous ? previous.blocks.next() : BuildCache.inMemory();
  keepYamlIn(yamlCache);
  const [content, compiled, publicFiles] = await Promise.all([
    loadContent(resolved.contentDir, bag, resolved.baseUrl, { bibtex: bibtexCache }),
    templatesOf(resolved.templatesDir, previous?.templates, templatesCache).catch((error) => collect(bag, () => { throw error; })),
    listFiles(resolved.publicDir, ['']),
  ]).finally(() => keepYamlIn(undefined));
  const templates = compiled?.templates;
  const load = clock();
  keepConversionsIn(latexCache);
  let model: SiteModel | undefined;
  try {
    model = content ? buildSite(content, bag, new Set(publicFiles)) : undefined;
  } finally {
    keepConversionsIn(undefined);
  }
  const modelled = clock();
  const styles = model?.site.publications.citationStyles ?? [];
  let citationFormatter = previous?.citations;
  let citations: Map<string, FormattedCitation[]> | undefined;
  if (model && model.publications.length > 0 && styles.length > 0) {
    // Loaded on demand: a site without publications never pays for citeproc.
    const [{ createCitationFormatter }, { formatPaperCitations }] = await Promise.all([import('./render/citations.js'), import('./render/paper-citations.js')]);
    citationFormatter ??= createCitationFormatter({ stylesDir: path.join(resolved.templatesDir, 'csl'), ...(resolved.cacheDir ? { cacheDir: path.join(resolved.cacheDir, 'citations') } : {}) });
    citations = await formatPaperCitations(model.publications, citationFormatter, bag, { styles, at: model.site.publications.citationStylesAt ?? { file: path.join(resolved.contentDir, 'site.yml'), field: 'publications.citation_styles' } });
  }
  const cited = clock();
  const files: OutputFile[] = [];
  // A build that already failed renders only to report template problems too: nothing is written,
  // and paths that clash (reported) are never tried on the disk.
  const sink = emit && !bag.hasErrors ? emit : (file: OutputFile) => files.push(file);
  let paths: string[] = [];
  if (model && templates) {
    await prerenderPages(model, markdownCache);
    const markdown = await siteMarkdown(model, markdownCache);
    paths = renderSiteTo(model, templates, bag, { version: VERSION, markdown, ...(citations ? { citations } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}), ...(unchanged && sink === emit ? { unchanged } : {}), ...(previous ? { blocks: blocksCache } : {}) }, sink);
    // Only now is every file of the site known: a page may link any other page, public/ file or attachment.
    await reportMissingLinkedFiles(model.routes.flatMap((r) => (r.page ? [r.page] : [])), new Set([...paths, ...publicFiles, ...model.attachments.map((a) => a.to)]), bag);
  }
  const rendered = clock();

  const shadowed = new Set(publicFiles);
  for (const file of paths) {
    if (shadowed.has(file)) {
      bag.warn('PublicOverridesPage', `public/${file} replaces the page Folio renders at the same path.`, { file: `${resolved.publicDir}/${file}` }, 'Rename the file in public/, or change the page\'s permalink.');
    }
  }
  const diagnostics = bag.list(resolved.strict);
  if (diagnostics.some((d) => d.severity === 'error') || !model) throw new BuildFailed(diagnostics);
  return { model, files, paths, publicFiles, warnings: diagnostics, phases: { load, model: modelled, cite: cited, render: rendered }, caches: { markdown: markdownCache, bibtex: bibtexCache, latex: latexCache, yaml: yamlCache, blocks: blocksCache, ...(templatesCache ? { precompiledTemplates: templatesCache } : {}), ...(compiled ? { templates: compiled } : {}), ...(citationFormatter ? { citations: citationFormatter } : {}) } };
}

/**
 * Builds the site: content → model → pages → output folder. Throws BuildFailed with every problem
 * found (sorted by file and line) and leaves the output folder untouched when anything is wrong.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const resolved = resolveOptions(options);
  // Each page is written as soon as it is rendered, into a temporary folder swapped in at the end.
  // The site this build replaces is kept in the cache, so the next build rewrites only what changed.
  const kept = resolved.cacheDir && options.keepReplacedOutput !== false ? path.join(resolved.cacheDir, 'output', hash('sha1', resolved.outDir).slice(0, 12)) : undefined;
  const writer = await SiteWriter.open(resolved.outDir, kept);
  let site: RenderedSite;
  let writing: number;
  try {
    site = await renderSiteInMemory(options, undefined, (file) => writer.write(file), writer.incremental ? (file, key) => writer.unchangedPage(file, key) : undefined);
    writing = performance.now();
    await writer.finish(resolved.publicDir, site.model.attachments);
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  // Only after a good build, so a failed one never leaves half its work behind as "known good".
  // One after another: written at once, the biggest (10,000 papers' cards, their .bib files) would all be in memory together.
  const { markdown, bibtex, latex, yaml, blocks, precompiledTemplates, citations } = site.caches;
  for (const save of [() => markdown.save(), () => bibtex.save(), () => latex.save(), () => yaml.save(), () => blocks.save(), () => precompiledTemplates?.save(), () => citations?.flush()]) await save()?.catch(() => undefined);
  const { model } = site;
  const written = new Set([...site.paths, ...model.attachments.map((a) => a.to), ...site.publicFiles]).size;
  return {
    pages: model.routes.length,
    publications: model.publications.length,
    talks: model.talks.length,
    filesWritten: written,
    filesUnchanged: writer.unchanged,
    pagesKept: writer.keptPages,
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
