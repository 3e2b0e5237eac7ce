import type { DiagnosticBag } from '../errors.js';
import { isSafeUrl } from '../urls.js';
import type { Fields } from './fields.js';
import { loadMarkdownFolder, slugOf } from './markdown-files.js';

/** One time a talk was given. */
export interface TalkDelivery {
  readonly event: string;
  readonly kind?: string;
  readonly duration?: string;
  readonly location?: string;
  readonly date?: string;
  readonly url?: string;
}

/** A talk as written in `talks/*.md`, with one or more deliveries. */
export interface TalkSource {
  readonly file: string;
  readonly slug: string;
  readonly title: string;
  readonly slides?: string;
  readonly video?: string;
  readonly code?: string;
  readonly deliveries: readonly TalkDelivery[];
  /** Who gave it, on a group site (`speakers:` or `speaker:`); empty means the site's owner. */
  readonly speakers: readonly string[];
  /** The abstract, markdown. */
  readonly body: string;
}

/** Reads `talks/*.md`: Folio's form (`deliveries:`) and academicpages' (one delivery per file). */
export function loadTalks(contentDir: string, bag: DiagnosticBag): Promise<TalkSource[]> {
  return loadMarkdownFolder(contentDir, 'talks', bag, (fm, body, relativePath) => readTalk(fm, body, relativePath, bag));
}

export function readTalk(fm: Fields, body: string, relativePath: string, bag: DiagnosticBag): TalkSource | undefined {
  const title = fm.string('title', true);
  if (!title) return undefined;
  const deliveries = fm.has('deliveries')
    ? fm.maps('deliveries').flatMap((d) => readDelivery(d, bag))
    : readAcademicpagesDelivery(fm, bag);
  if (deliveries.length === 0) {
    bag.warn('TalkWithoutDelivery', `The talk "${title}" has no deliveries, so it shows without a date or place.`, fm.at(), 'Add `deliveries:` with at least one `- event: …` and `date: …`.');
  }
  const links = {
    slides: url(fm, fm.has('slides') ? 'slides' : 'slidesurl', bag),
    video: url(fm, 'video', bag),
    code: url(fm, 'code', bag),
  };
  return {
    file: fm.file,
    slug: slugOf(relativePath),
    title,
    ...(Object.fromEntries(Object.entries(links).filter(([, v]) => v)) as Partial<TalkSource>),
    deliveries,
    speakers: [...fm.strings('speakers'), ...fm.strings('speaker')],
    body,
  };
}

function readDelivery(d: Fields, bag: DiagnosticBag): TalkDelivery[] {
  const event = d.string('event', true) ?? d.string('host');
  if (!event) return [];
  const optional = {
    kind: d.string('kind'),
    duration: d.string('duration'),
    location: d.string('location'),
    date: d.date('date'),
    url: url(d, 'url', bag),
  };
  return [{ event, ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<TalkDelivery>) }];
}

/** academicpages: `venue`, `date`, `location`, `talk_type` (or `type`) in the talk's own front matter. */
function readAcademicpagesDelivery(fm: Fields, bag: DiagnosticBag): TalkDelivery[] {
  const event = fm.string('venue');
  if (!event) return [];
  const kind = fm.string('talk_type') ?? fm.string('type');
  const optional = { kind, location: fm.string('location'), date: fm.date('date'), url: url(fm, 'venueurl', bag) };
  return [{ event, ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<TalkDelivery>) }];
}

function url(fields: Fields, name: string, bag: DiagnosticBag): string | undefined {
  const value = fields.string(name)?.trim();
  if (!value || isSafeUrl(value)) return value;
  bag.error('UnsafeUrl', `\`${name}\` is not an http(s) URL or a site path.`, fields.at(name));
  return undefined;
}
