import path from 'node:path';
import type { Diagnostic } from '../../errors.js';
import type { Command } from '../command.js';
import { buildOptionsOf } from '../command.js';
import { formatDiagnostic, type Colours } from '../report.js';

export const checkCommand: Command = {
  summary: 'build into a temporary folder and check links, assets and HTML (dist/ untouched)',
  async run({ values, io, colours }) {
    const started = performance.now();
    // Loaded on demand: html-validate and the HTML parser are only for this command.
    const { checkSite, readSite, withTemporaryBuild } = await import('../../check/index.js');
    return withTemporaryBuild(buildOptionsOf(values), async ({ out, result, address }) => {
      if (!values.quiet) for (const warning of result.warnings) io.stderr(formatDiagnostic(warning, colours));
      const site = await readSite(out);
      const problems = await checkSite(site, address);
      // Printed while the build still exists, so each problem shows the lines of the generated file.
      for (const d of problems) io.stderr(formatGenerated(d, out, colours));
      const checked = `Checked ${site.pages.length} pages and ${site.paths.length} files`;
      const seconds = `${((performance.now() - started) / 1000).toFixed(1)} s`;
      if (problems.length > 0) {
        io.stderr(colours.red(`${checked}: ${problems.length} problem${problems.length === 1 ? '' : 's'} (${countByCode(problems)}) in ${seconds}.`));
        return 1;
      }
      if (!values.quiet) io.stdout(`${checked}: no problems in ${seconds}.`);
      return 0;
    });
  },
};

/** A diagnostic named by its path inside the site, with a code frame read from the temporary build. */
function formatGenerated(d: Diagnostic, out: string, colours: Colours): string {
  const onDisk = path.join(out, d.file);
  return formatDiagnostic({ ...d, file: onDisk }, colours).replace(onDisk, d.file);
}

function countByCode(problems: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of problems) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, n]) => `${n} ${code}`).join(', ');
}
