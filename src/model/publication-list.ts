import type { PublicationSettings } from '../config/site.js';
import { normaliseName } from './names.js';
import { fitSlug } from './slug-length.js';
import { PUBLICATION_KINDS, type Publication, type PublicationKind } from './publication.js';

export interface Group<T> {
  readonly title: string;
  /** For an anchor: `2024`, `journal`. */
  readonly id: string;
  readonly items: readonly T[];
}

/** One static filtered list: `/publications/type/journal/` or `/publications/topic/optimization/`. */
export interface PublicationFilter {
  readonly kind: 'type' | 'topic';
  /** The URL segment. */
  readonly slug: string;
  readonly title: string;
  readonly url: string;
  readonly items: readonly Publication[];
}

export const KIND_TITLES: Readonly<Record<PublicationKind, string>> = {
  journal: 'Journal articles',
  conference: 'Conference papers',
  workshop: 'Workshop papers',
  preprint: 'Preprints',
  thesis: 'Theses',
  book: 'Books and chapters',
  other: 'Other',
};

/**
 * Puts the list in its published order and numbers it: newest first (year, month, then the order of
 * the files, which a stable sort keeps), or exactly as written with `order: file`. Numbers count
 * down, so the newest paper has the highest number, like a CV.
 */
export function arrangePublications(list: readonly Publication[], settings: PublicationSettings): Publication[] {
  const ordered = settings.order === 'file' ? [...list] : [...list].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.month ?? 0) - (a.month ?? 0));
  return settings.numbered ? ordered.map((p, i) => ({ ...p, number: ordered.length - i })) : ordered;
}

export function groupPublications(list: readonly Publication[], by: PublicationSettings['groupBy']): Group<Publication>[] {
  if (by === 'none') return list.length ? [{ title: '', id: 'all', items: list }] : [];
  // Year headings run newest first even when `order: file` keeps the entries as written inside them.
  if (by === 'year') return group(list, (p) => (p.year ? String(p.year) : 'Undated')).sort((a, b) => yearRank(b.title) - yearRank(a.title));
  return group(list, (p) => p.kind)
    .sort((a, b) => PUBLICATION_KINDS.indexOf(a.id as PublicationKind) - PUBLICATION_KINDS.indexOf(b.id as PublicationKind))
    .map((g) => ({ ...g, title: KIND_TITLES[g.id as PublicationKind] }));
}

/** The URL segment of a keyword's filter page: `Learning-rate schedules` → `learning-rate-schedules`. */
export function topicSlug(keyword: string): string {
  return fitSlug(normaliseName(keyword).replace(/ /g, '-'));
}

/** A filter page per type present (when there are several) and per keyword, each in list order. */
export function publicationFilters(list: readonly Publication[]): PublicationFilter[] {
  const types = group(list, (p) => p.kind).sort((a, b) => PUBLICATION_KINDS.indexOf(a.id as PublicationKind) - PUBLICATION_KINDS.indexOf(b.id as PublicationKind));
  const byType = types.length < 2 ? [] : types.map((g): PublicationFilter => ({ kind: 'type', slug: g.id, title: KIND_TITLES[g.id as PublicationKind], url: `/publications/type/${g.id}/`, items: g.items }));
  const topics = new Map<string, { title: string; items: Publication[] }>();
  for (const p of list) {
    for (const keyword of new Set(p.keywords.map((k) => k.trim()).filter(Boolean))) {
      const slug = topicSlug(keyword);
      if (!slug) continue;
      const topic = topics.get(slug) ?? { title: keyword, items: [] };
      if (!topic.items.includes(p)) topic.items.push(p);
      topics.set(slug, topic);
    }
  }
  const byTopic = [...topics].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([slug, t]): PublicationFilter => ({ kind: 'topic', slug, title: t.title, url: `/publications/topic/${slug}/`, items: t.items }));
  return [...byType, ...byTopic];
}

function yearRank(title: string): number {
  return title === 'Undated' ? -1 : Number(title);
}

/** Groups keeping the list's order, groups in order of first appearance. */
export function group<T>(list: readonly T[], key: (item: T) => string): Group<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const items = groups.get(k);
    if (items) items.push(item);
    else groups.set(k, [item]);
  }
  return [...groups].map(([id, items]) => ({ title: id, id: id.toLowerCase().replace(/[^a-z0-9]+/g, '-'), items }));
}
