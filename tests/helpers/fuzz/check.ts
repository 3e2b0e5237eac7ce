import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import fc from 'fast-check';
import { CATALOGUE } from '../../../src/error-catalogue.js';
import { build, BuildFailed, type Diagnostic } from '../../../src/index.js';
import { ROOT } from '../build-fixture.js';

/**
 * Runs per property: 25 by default, so `npm test` stays fast; `FOLIO_FUZZ_RUNS=500` (npm run
 * test:fuzz) for a long run. `FOLIO_FUZZ_SEED` replays the seed a failure printed.
 */
export const RUNS = Math.max(1, Number(process.env.FOLIO_FUZZ_RUNS) || 25);
/**
 * Runs per property that builds a whole site each run: 10 by default, so the fuzz folder takes
 * about 15 s of `npm test` on the 2-core machine (at 25, 28 s); FOLIO_FUZZ_RUNS sets it too.
 */
export const BUILD_RUNS = Math.max(1, Number(process.env.FOLIO_FUZZ_RUNS) || 10);
const SEED = process.env.FOLIO_FUZZ_SEED ? Number(process.env.FOLIO_FUZZ_SEED) : undefined;

/**
 * fast-check settings for a property of `scale * RUNS` runs. With `msPerRun`, a property that
 * builds a whole site each run, of `scale * BUILD_RUNS` runs, which (its shrinking included) stops
 * after that many milliseconds per run, so a failing one still ends in bounded time; runs cut
 * short by the limit count as passed.
 */
export function runs(scale = 1, msPerRun?: number): fc.Parameters<unknown> {
  const numRuns = Math.max(1, Math.round((msPerRun ? BUILD_RUNS : RUNS) * scale));
  return {
    numRuns,
    ...(SEED !== undefined ? { seed: SEED } : {}),
    ...(msPerRun ? { plugins: [fc.interruptAfterTimeLimit(numRuns * msPerRun)] } : {}),
  };
}

/** Time budget per run of a property that builds a whole site (a tiny site builds in 50-250 ms on the 2-core machine). */
export const BUILD_MS = 400;

/** A vitest timeout for a property of `scale * RUNS` runs costing about `msPerRun` each. */
export function timeout(msPerRun: number, scale = 1): number {
  return 30_000 + Math.round(RUNS * scale * msPerRun * 2);
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'srcset']);
/**
 * The only script the theme itself writes outside JSON-LD: the redirect page's `location="…"`.
 * Handlebars escapes `"` and `<` in the target, so data can neither end the string nor the element.
 */
const REDIRECT_SCRIPT = /^location="[^"<]*"$/;
/** The theme's filtering script on publication lists: a fixed file of public/assets, linked relatively. */
const THEME_SCRIPT = /^(?:\.\.\/)*assets\/js\/filters\.js$/;

/**
 * What in `html` could run script: `<script>` elements other than JSON-LD (whose text must still
 * be JSON), the redirect page's own and the theme's filtering script, `on*` attributes, `srcdoc`, and javascript:/vbscript:/
 * data:text/html URLs (in URL attributes, meta refresh and SVG animations of a link). Empty when
 * the page is safe.
 */
export function unsafeMarkup(html: string): string[] {
  const $ = load(html);
  const problems: string[] = [];
  $('script').each((_, el) => {
    const type = $(el).attr('type');
    const text = $(el).text();
    if (type === 'application/ld+json') {
      try {
        JSON.parse(text);
      } catch {
        problems.push(`JSON-LD that is not JSON: ${text.slice(0, 200)}`);
      }
    } else if (!(type === undefined && (REDIRECT_SCRIPT.test(text) || (text === '' && THEME_SCRIPT.test($(el).attr('src') ?? ''))))) {
      problems.push(`a <script> element: ${$.html(el).slice(0, 200)}`);
    }
  });
  $('*').each((_, node) => {
    if (!('attribs' in node)) return;
    const el = node;
    for (const [name, value] of Object.entries(el.attribs)) {
      const lower = name.toLowerCase();
      const cleaned = value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
      if (lower.startsWith('on')) problems.push(`<${el.tagName} ${name}="${value}">`);
      else if (lower === 'srcdoc') problems.push(`<${el.tagName} srcdoc="${value.slice(0, 100)}">`);
      else if (URL_ATTRIBUTES.has(lower) && /^(javascript|vbscript|data:text\/html)/.test(cleaned)) problems.push(`<${el.tagName} ${name}="${value}">`);
      else if (lower === 'content' && $(el).is('meta[http-equiv]') && /url=(javascript|vbscript|data:text\/html)/.test(cleaned)) problems.push(`<meta http-equiv content="${value}">`);
      // SVG animation that sets a link: `<set attributeName="href" to="javascript:…">`.
      else if (lower === 'attributename' && /href/.test(cleaned) && ['values', 'to', 'from', 'by'].some((a) => /(javascript|vbscript|data:text\/html)/.test((el.attribs[a] ?? '').replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase()))) problems.push(`<${el.tagName} ${name}="${value}">`);
    }
  });
  return problems;
}

/** Problems with the diagnostics themselves: a code outside the catalogue, or a malformed location. */
export function badDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  const problems: string[] = [];
  for (const d of diagnostics) {
    const where = `${d.code} at ${d.file}:${d.line ?? ''}`;
    if (!(d.code in CATALOGUE)) problems.push(`code not in the catalogue: ${where}`);
    if (d.severity !== 'error' && d.severity !== 'warning') problems.push(`severity "${String(d.severity)}": ${where}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`no message: ${where}`);
    if (typeof d.file !== 'string' || d.file === '') problems.push(`no file: ${where}`);
    for (const n of [d.line, d.column]) if (n !== undefined && !(Number.isInteger(n) && n >= 1)) problems.push(`position ${String(n)}: ${where}`);
  }
  return problems;
}

export type Outcome =
  | { readonly ok: true; readonly warnings: readonly Diagnostic[]; readonly html: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Writes `files` (paths relative to the content folder) into a fresh temporary folder and builds
 * them with the repository's templates and no public/ folder. A BuildFailed comes back as an
 * outcome; any other error (a bug) is thrown.
 */
export async function buildContent(files: Readonly<Record<string, string | Uint8Array>>): Promise<Outcome> {
  const dir = await mkdtemp(path.join(tmpdir(), 'folio-fuzz-'));
  try {
    for (const [name, contents] of Object.entries(files)) {
      const file = path.join(dir, 'content', name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, contents);
    }
    const out = path.join(dir, 'dist');
    let result;
    try {
      result = await build({ content: path.join(dir, 'content'), templates: path.join(ROOT, 'templates'), public: path.join(dir, 'public'), out });
    } catch (error) {
      if (error instanceof BuildFailed) return { ok: false, diagnostics: error.diagnostics };
      throw error;
    }
    const html = new Map<string, string>();
    for (const e of await readdir(out, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith('.html')) continue;
      const file = path.join(e.parentPath, e.name);
      html.set(path.relative(out, file), await readFile(file, 'utf8'));
    }
    return { ok: true, warnings: result.warnings, html };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Codes that blame the templates: with the repository's own templates, content must never cause them. */
const TEMPLATE_CODES = new Set(['TemplateError', 'TemplateSyntax', 'UnknownHelper', 'UnknownPartial', 'MissingTemplates']);

/**
 * Everything wrong with an outcome of buildContent: malformed diagnostics, a template failing
 * (the default theme must render any content it accepts), or unsafe markup in any page.
 */
export function outcomeProblems(outcome: Outcome): string[] {
  if (!outcome.ok) {
    const template = outcome.diagnostics.filter((d) => TEMPLATE_CODES.has(d.code)).map((d) => `${d.code} with the default templates: ${d.message}`);
    return [...badDiagnostics(outcome.diagnostics), ...template];
  }
  return [...badDiagnostics(outcome.warnings), ...[...outcome.html].flatMap(([file, html]) => unsafeMarkup(html).map((p) => `${file}: ${p}`))];
}
