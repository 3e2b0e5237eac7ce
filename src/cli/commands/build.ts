import type { Command } from '../command.js';
import { buildOptionsOf, keptForNextBuild } from '../command.js';
import { formatDiagnostic } from '../report.js';

export const buildCommand: Command = {
  summary: 'build content/ into dist/',
  async run({ values, io, colours }) {
    // Loaded on demand: `--help` and `--version` should not pay for the whole pipeline.
    const { build } = await import('../../build.js');
    const status = values.quiet ? undefined : io.status;
    const result = await build({
      ...buildOptionsOf(values),
      ...keptForNextBuild(),
      // Only long builds get a progress line: a short one would just flicker.
      ...(status ? { onProgress: ({ done, total }) => total >= 1000 && status(`Rendering pages: ${done}/${total}`) } : {}),
    });
    status?.('');
    if (!values.quiet) for (const warning of result.warnings) io.stderr(formatDiagnostic(warning, colours));
    if (values.verbose) {
      const phases = Object.entries(result.phases).map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ');
      io.stdout(colours.dim(`Phases: ${phases}.`));
      if (result.pagesKept > 0) io.stdout(colours.dim(`${result.pagesKept} of ${result.pages} pages were unchanged since an earlier build and not rendered again.`));
    }
    if (!values.quiet) {
      const files = result.filesUnchanged > 0 ? `${result.filesWritten - result.filesUnchanged} files written and ${result.filesUnchanged} unchanged` : `${result.filesWritten} files written`;
      io.stdout(`Built ${result.pages} pages, ${result.publications} publications, ${result.talks} talks: ${files} in ${result.milliseconds} ms.`);
    }
    return 0;
  },
};
