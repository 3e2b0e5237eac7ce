import type { TalkDelivery, TalkSource } from '../content/talks.js';
import type { DiagnosticBag } from '../errors.js';
import { normaliseName } from './names.js';

export interface Talk extends TalkSource {
  readonly url: string;
  /** Newest first. */
  readonly deliveries: readonly TalkDelivery[];
  /** Date of the newest delivery. */
  readonly latest?: string;
  /** Every file the talk was read from (several when academicpages files of one title merge). */
  readonly files: readonly string[];
}

/**
 * One talk per title: academicpages writes one file per delivery, so files with the same title
 * (case, accents and punctuation aside) become one talk with all their deliveries. The first file
 * (in file order) gives the page address; abstracts and links come from the first file that has them.
 */
export function arrangeTalks(sources: readonly TalkSource[], bag: DiagnosticBag): Talk[] {
  const byTitle = new Map<string, TalkSource[]>();
  for (const source of sources) {
    const key = normaliseName(source.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), source]);
  }
  const talks = [...byTitle.values()].map((group) => {
    const [first] = group;
    const merged: TalkSource = {
      ...first!,
      body: group.find((s) => s.body.trim())?.body ?? '',
      ...pick(group, 'slides'),
      ...pick(group, 'video'),
      ...pick(group, 'code'),
      deliveries: group.flatMap((s) => s.deliveries),
    };
    const bodies = new Set(group.map((s) => s.body.trim()).filter(Boolean));
    if (bodies.size > 1) {
      bag.warn('TalkMerged', `${group.length} files share the title "${first!.title}" and are shown as one talk; only the first abstract is kept.`, { file: group.find((s) => s.body.trim() && s.body.trim() !== [...bodies][0])!.file }, 'Give the talks different titles, or keep one abstract.');
    }
    return toTalk(merged, group.map((s) => s.file));
  });
  return talks.sort((a, b) => compareDesc(a.latest ?? '', b.latest ?? '') || compareDesc(b.title, a.title));
}

function pick(group: readonly TalkSource[], field: 'slides' | 'video' | 'code'): Partial<TalkSource> {
  const value = group.find((s) => s[field])?.[field];
  return value ? { [field]: value } : {};
}

function toTalk(source: TalkSource, files: readonly string[]): Talk {
  const deliveries = [...source.deliveries].sort((a, b) => compareDesc(a.date ?? '', b.date ?? ''));
  const latest = deliveries.find((d) => d.date)?.date;
  return { ...source, url: `/talks/${source.slug}/`, deliveries, files, ...(latest ? { latest } : {}) };
}

export function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
