import { CATALOGUE } from './error-catalogue.js';

/** docs/errors.md, generated from the catalogue so the two cannot drift apart. */
export function renderErrorDocs(): string {
  const codes = Object.keys(CATALOGUE).sort() as (keyof typeof CATALOGUE)[];
  const lines = [
    '# Errors and warnings',
    '',
    '<!-- Generated from src/error-catalogue.ts by `npm run docs:errors`; do not edit by hand. -->',
    '',
    'Every problem Folio reports has a permanent code, printed with the file, line and field at fault,',
    'a few lines of the file, and a hint. Errors stop the build (exit code 1) and leave `dist/` as it',
    'was; warnings do not, unless the build runs with `--strict`.',
    '',
    '| code | kind | meaning |',
    '|---|---|---|',
    ...codes.map((code) => `| [\`${code}\`](#${code.toLowerCase()}) | ${CATALOGUE[code].severity} | ${CATALOGUE[code].summary} |`),
    '',
  ];
  for (const code of codes) {
    const entry = CATALOGUE[code];
    lines.push(`## ${code}`, '', `*${entry.severity}.* ${entry.summary}`, '', `Example, in \`${entry.example.file}\`:`, '', '```', entry.example.text || '(empty)', '```', '', `**Fix:** ${entry.fix}`, '');
  }
  return lines.join('\n');
}
