import path from 'node:path';
import { UsageError } from '../../errors.js';
import type { ServeEvent } from '../../serve/index.js';
import type { Command, CommandContext } from '../command.js';
import { buildOptionsOf } from '../command.js';
import { formatDiagnostic } from '../report.js';

export const serveCommand: Command = {
  summary: 'serve the site from memory; rebuild and reload the page on every save (dist/ untouched)',
  flags: { port: { type: 'string' }, host: { type: 'string' } },
  flagHelp: ['--port N         serve: port to listen on (default 4000; 0 = any free port)', '--host ADDRESS   serve: address to listen on (default 127.0.0.1, this machine only)'],
  async run(context) {
    const { values, io, colours } = context;
    const port = values.port === undefined ? 4000 : Number(values.port);
    if (!/^\d+$/.test(String(values.port ?? 0)) || port > 65535) throw new UsageError(`--port takes a whole number from 0 to 65535, not "${values.port}".`);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const { serve } = await import('../../serve/index.js');
    const server = await serve({ ...buildOptionsOf(values), port, host, onEvent: reporter(context) }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new UsageError(`Port ${port} is in use on ${host}. Pick another with --port, or --port 0 for any free one.`);
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new UsageError(`Cannot listen on --host ${host}: no such address on this machine.`);
      throw error;
    });
    io.stdout(`Serving ${colours.bold(server.url)} (Ctrl+C to stop)`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop).off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop).on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};

/** One line per build; problems in full; warnings only when they differ from the last build's. */
function reporter({ values, io, colours }: CommandContext): (event: ServeEvent) => void {
  let shownWarnings = '';
  return (event) => {
    if (event.kind === 'watch-failed') return io.stderr(colours.yellow(`Watching for changes failed: ${event.error.message}. Restart \`folio serve\` to see new edits.`));
    const names = event.changed.map((f) => path.relative('.', f));
    const cause = names.length > 0 ? ` (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})` : '';
    if (event.kind === 'crashed') return io.stderr(`Folio crashed while building${cause}. This is a bug in Folio, not in your content; please report it with this trace:\n${(event.error as Error).stack ?? String(event.error)}`);
    if (event.kind === 'failed') {
      for (const d of event.diagnostics) io.stderr(formatDiagnostic(d, colours));
      shownWarnings = '';
      return io.stderr(colours.red(`Build failed in ${event.milliseconds} ms${cause}; ${event.first ? 'nothing to serve until it is fixed' : 'still serving the last good build'}.`));
    }
    const warnings = values.quiet ? '' : event.warnings.map((d) => formatDiagnostic(d, colours)).join('\n');
    if (warnings && warnings !== shownWarnings) io.stderr(warnings);
    shownWarnings = warnings;
    const phases = values.verbose ? colours.dim(` [${Object.entries(event.phases).map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ')}]`) : '';
    if (!values.quiet) io.stdout(`${event.first ? 'Built' : 'Rebuilt'} ${event.files} files in ${event.milliseconds} ms${cause}${phases}`);
  };
}
