import fc from 'fast-check';
import { text } from './text.js';

const LATEX = [
  "\\'e", '{\\"o}', '\\textbf{bold}', '\\emph{it}', '\\textit{x}', '\\url{https://example.org/}', '$x^2$', '$$\\sum_i x_i$$',
  '$<script>alert(1)</script>$', '$\\href{javascript:alert(1)}{x}$', '\\href{javascript:alert(1)}{click}', '\\&', '\\%', '--', '---', '~',
  '{\\ss}', '\\c{c}', '\\v{s}', '\\textsc{Small Caps}', '{\\i}', "{\\'\\i}", '\\LaTeX{}', '\\relax', '\\unknowncommand{x}', '$\\mathbb{R}$',
  '$\\text{<img src=x onerror=alert(1)>}$', '{\\textless}script{\\textgreater}', '\\textless{}script\\textgreater{}', '$\\ell_\\infty$', 'A$^3$',
  '\\$', '$', '\\\\', '\\textsuperscript{*}', '\\dag', '{\\relax Th}omas',
];

/** Text that is safe inside a braced BibTeX value: no braces or backslashes of its own. */
const bibText = text.map((t) => t.replace(/[{}\\]/g, ''));
const bibFlat = fc.array(fc.oneof({ weight: 3, arbitrary: bibText }, { weight: 2, arbitrary: fc.constantFrom(...LATEX) }), { maxLength: 5 }).map((p) => p.join(''));

/** A brace-balanced BibTeX field value (without its outer braces), groups nested two deep. */
export const bibValue = fc
  .array(fc.oneof({ weight: 4, arbitrary: bibFlat }, { weight: 1, arbitrary: bibFlat.map((v) => `{${v}}`) }, { weight: 1, arbitrary: bibFlat.map((v) => `{${v} {${v}}}`) }), { maxLength: 4 })
  .map((p) => p.join(' '));

const NAMES = ['Lovelace, Ada', 'Ada Lovelace', '{Barbara Liskov}', 'de la Fontaine, Jean', 'others', 'Kovačević, Ada', 'Lovelace*, Ada', 'Smith\\textsuperscript{\\dag}, J.', 'von Neumann, Jr., John', '{<script>alert(1)</script>}', '{"><img src=x onerror=alert(1)>}'];
const bibName = fc.oneof(fc.constantFrom(...NAMES), bibText.filter((t) => !/\band\b/i.test(t)));
const bibAuthors = fc.array(bibName, { minLength: 1, maxLength: 4 }).map((names) => names.join(' and '));

const LINKS = ['https://example.org/a?b=1&c=2', 'https://example.org/"><img src=x onerror=alert(1)>', '2101.00001', '10.1000/xyz<script>', '"><img src=x onerror=alert(1)>', '//evil.example/x', '#top', 'mailto:a@b.c', '/files/a b.pdf'];
const UNSAFE_LINKS = ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'paper.pdf', '/files/paper.pdf'];
/** Mostly links that build (an unsafe scheme or a missing file stops the build, which tests less). */
const linkValue = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...LINKS) }, { weight: 1, arbitrary: fc.constantFrom(...UNSAFE_LINKS) }, { weight: 1, arbitrary: bibText });

const FIELDS = ['author', 'editor', 'journal', 'booktitle', 'year', 'month', 'note', 'abstract', 'abbr', 'pdf', 'url', 'doi', 'code', 'selected', 'arxiv', 'html', 'slides', 'poster', 'video', 'website', 'publisher', 'school', 'status', 'award', 'preview', 'supp', 'eprint', 'archiveprefix', 'howpublished', 'pages', 'keywords', 'institution', 'organization', 'additional_info', 'annotation', 'venue_extra', 'journaltitle'] as const;
const LINK_FIELDS = new Set(['pdf', 'url', 'doi', 'code', 'arxiv', 'html', 'slides', 'poster', 'video', 'website', 'preview', 'supp', 'eprint']);

const fieldValue = (name: string) => {
  if (name === 'author' || name === 'editor') return bibAuthors;
  if (name === 'year') return fc.oneof(fc.integer({ min: 1800, max: 2100 }).map(String), bibValue);
  if (name === 'month') return fc.oneof(fc.constantFrom('jan', 'feb', '3', 'December', '13'), bibValue);
  if (name === 'selected') return fc.constantFrom('true', 'false', 'yes', '1', '{true}');
  if (LINK_FIELDS.has(name)) return linkValue.map((v) => v.replace(/[{}\\]/g, ''));
  return bibValue;
};

/** One well-formed entry: a title always, then up to eight other fields. */
export const bibEntry = fc
  .record({
    type: fc.constantFrom('article', 'inproceedings', 'misc', 'phdthesis', 'book', 'unpublished', 'techreport', 'incollection', 'online', 'proceedings'),
    key: fc.stringMatching(/^[A-Za-z][A-Za-z0-9:_.-]{0,12}$/),
    title: bibValue.filter((v) => v.trim() !== ''),
    fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { maxLength: 8 }).chain((names) => fc.tuple(...names.map((n) => fieldValue(n).map((v) => [n, v] as const)))),
  })
  .map(({ type, key, title, fields }) => [`@${type}{${key},`, `  title = {${title}},`, ...fields.map(([n, v]) => `  ${n} = {${v}},`), '}'].join('\n'));

/** A well-formed .bib file of one to four entries, with a comment or @string now and then. */
export const bibFile = fc
  .tuple(fc.array(bibEntry, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '% a comment\n', '@string{ada = {Ada Lovelace}}\n', '@comment{ignored {nested}}\n', '---\nlayout: none\n---\n'))
  .map(([entries, head]) => head + entries.join('\n\n') + '\n');

type Mutation = { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('{', '}', '@', ',', '"', '=', '\n@article{x,', '\\', '#', '(', ')', '@string{', '@comment{', '%', '\n', '@preamble{"') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }),
);

/** Applies `mutations` to `text`; positions wrap around its length. */
export function mangle(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'truncate') out = out.slice(0, at);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + m.length);
  }
  return out;
}

/** A .bib file broken by random truncation, insertion of `{ } @ , "`… and deletion. */
export const mangledBibFile = fc.tuple(bibFile, fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([file, ms]) => mangle(file, ms));
