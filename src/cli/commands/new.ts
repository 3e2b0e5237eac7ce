import { UsageError } from '../../errors.js';
import type { Command } from '../command.js';
import { buildOptionsOf } from '../command.js';

export const newCommand: Command = {
  summary: 'create a site in <dir>, or a <kind> (page, talk, news, publication) in this site',
  positionals: '<dir> | <kind> "Title"',
  flags: { date: { type: 'string' } },
  flagHelp: ['--date DAY       new: the date of the new file, YYYY-MM-DD (default today)'],
  async run({ values, positionals, io }) {
    const today = dateOf(values.date);
    const [target, title, ...rest] = positionals;
    if (target === undefined) throw new UsageError('`folio new` needs a folder for a new site (folio new my-site) or a kind and a title (folio new talk "My title").');
    if (rest.length > 0) throw new UsageError(`Unexpected argument "${rest[0]}". Put a title with spaces in quotes: folio new talk "My title".`);
    // Loaded on demand, like every command's library half.
    const { createContentFile, createSite, isContentKind } = await import('../../scaffold/index.js');
    if (isContentKind(target)) {
      if (title === undefined) throw new UsageError(`\`folio new ${target}\` needs a title: folio new ${target} "My title". For a site in a folder named ${target}, write ./${target}.`);
      const file = await createContentFile(target, title, { contentDir: buildOptionsOf(values).content ?? 'content', today });
      io.stdout(`Created ${file}.`);
      return 0;
    }
    if (title !== undefined) throw new UsageError(`Unknown kind "${target}": folio new makes a page, talk, news or publication.`);
    await createSite(target, { today });
    io.stdout(`Created a site in ${target}. Next: cd ${target} && npm install && npm run dev (see its README.md before publishing).`);
    return 0;
  },
};

/** The `--date` value, or today on this machine's calendar (not UTC's), as `YYYY-MM-DD`. */
function dateOf(value: string | boolean | undefined): string {
  if (value === undefined) {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  }
  const date = String(value);
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new UsageError(`--date takes a date like 2026-01-20, not "${date}".`);
  }
  return date;
}
