import path from 'node:path';
import { collect, type DiagnosticBag } from '../errors.js';
import { Fields } from './fields.js';
import { listFiles, readText } from './files.js';
import { parseFrontMatter } from './front-matter.js';

/** A markdown page as written, its front matter read and checked. */
export interface PageSource {
  readonly file: string;
  /** Path below `pages/`, with `/` separators, e.g. `research/index.md`. */
  readonly relativePath: string;
  readonly title: string;
  readonly permalink?: string;
  readonly description?: string;
  readonly layout?: string;
  readonly authorProfile: boolean;
  readonly classes: readonly string[];
  readonly redirectFrom: readonly string[];
  readonly date?: string;
  readonly navOrder?: number;
  readonly navTitle?: string;
  readonly body: string;
  readonly bodyLine: number;
  /** Line of a front-matter field, or of item `index` of a list field, for later errors (e.g. a permalink collision). */
  readonly lineOf: (field: string, index?: number) => number | undefined;
  /** Every front-matter field as written, for custom templates (`page.params`). */
  readonly params: Readonly<Record<string, unknown>>;
}

/** Reads every `pages/**\/*.md`; problems go into `bag`. */
export async function loadPages(contentDir: string, bag: DiagnosticBag): Promise<PageSource[]> {
  const dir = path.join(contentDir, 'pages');
  const files = await listFiles(dir, ['.md', '.markdown']);
  const pages = await Promise.all(
    files.map(async (relativePath) => {
      const file = path.join(dir, relativePath);
      const text = await readText(file).catch((error) => collect(bag, () => { throw error; }));
      if (text === undefined) return undefined;
      return collect(bag, () => parsePage(text, file, relativePath, bag));
    }),
  );
  return pages.filter((p): p is PageSource => p !== undefined);
}

/** The pure half of loadPages. */
export function parsePage(text: string, file: string, relativePath: string, bag: DiagnosticBag): PageSource | undefined {
  if (text.trim() === '') {
    bag.warn('EmptyFile', 'This page is empty and was skipped.', { file }, 'Add front matter with a `title:` and some text, or delete the file.');
    return undefined;
  }
  const source = parseFrontMatter(text, file);
  const fm = new Fields(source.data, file, bag, source.lineOf);
  const classes = fm.strings('classes').flatMap((c) => c.split(/\s+/)).filter(Boolean);
  const optional = {
    permalink: fm.string('permalink'),
    description: fm.string('excerpt') ?? fm.string('description'),
    layout: fm.string('layout'),
    date: fm.date('date'),
    navOrder: fm.number('nav_order'),
    navTitle: fm.string('nav_title'),
  };
  return {
    file,
    relativePath,
    title: fm.string('title', true) ?? path.basename(relativePath, path.extname(relativePath)),
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<PageSource>),
    authorProfile: fm.boolean('author_profile') ?? false,
    classes,
    redirectFrom: fm.strings('redirect_from'),
    body: source.body,
    bodyLine: source.bodyLine,
    lineOf: (field, index) => (index === undefined ? undefined : source.lineOf([field, index])) ?? source.lineOf([field]),
    params: source.data,
  };
}
