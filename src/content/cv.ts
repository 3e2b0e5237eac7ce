import path from 'node:path';
import { collect, type DiagnosticBag } from '../errors.js';
import { isSafeUrl } from '../urls.js';
import { Fields, isRecord } from './fields.js';
import { readOptionalText } from './files.js';
import { parseYaml } from './yaml.js';

export interface CvItem {
  readonly title?: string;
  readonly org?: string;
  readonly orgUrl?: string;
  readonly location?: string;
  readonly start?: string;
  readonly end?: string;
  readonly date?: string;
  readonly detail?: string;
  /** Markdown, one bullet each. */
  readonly notes: readonly string[];
}

export interface CvSection {
  readonly id: string;
  readonly title: string;
  /** `publications` or `talks`: the section is filled from those files instead of `items`. */
  readonly source?: 'publications' | 'talks';
  /** Markdown shown before the items (a "Research interests" paragraph, say). */
  readonly text?: string;
  readonly items: readonly CvItem[];
}

const SECTION_FIELDS = ['id', 'title', 'source', 'text', 'items'];
const ITEM_FIELDS = ['title', 'org', 'org_url', 'location', 'start', 'end', 'date', 'detail', 'notes'];

/** Reads `content/cv.yml`; a site without one has no CV. */
export async function loadCv(contentDir: string, bag: DiagnosticBag): Promise<CvSection[] | undefined> {
  const file = path.join(contentDir, 'cv.yml');
  const text = await readOptionalText(file, bag);
  return text === undefined ? undefined : collect(bag, () => parseCv(text, file, bag));
}

/** The pure half of loadCv. */
export function parseCv(text: string, file: string, bag: DiagnosticBag): CvSection[] {
  const yaml = parseYaml(text, file, 'InvalidCv');
  if (!isRecord(yaml.data)) {
    bag.error('InvalidCv', 'cv.yml must be a map with a `sections:` list.', { file, line: 1 });
    return [];
  }
  const cv = new Fields(yaml.data, file, bag, yaml.lineOf);
  cv.warnUnknown(['sections']);
  return cv.maps('sections').flatMap((section): CvSection[] => {
    section.warnUnknown(SECTION_FIELDS);
    const id = section.string('id', true);
    const title = section.string('title') ?? id;
    if (!id || !title) return [];
    const source = section.string('source');
    if (source !== undefined && source !== 'publications' && source !== 'talks') {
      bag.error('WrongFieldType', '`source` must be `publications` or `talks`.', section.at('source'));
    }
    const items = section.maps('items').map((item) => readItem(item, bag));
    const text = section.string('text');
    return [{ id, title, ...(source === 'publications' || source === 'talks' ? { source } : {}), ...(text ? { text } : {}), items }];
  });
}

function readItem(item: Fields, bag: DiagnosticBag): CvItem {
  item.warnUnknown(ITEM_FIELDS);
  let orgUrl = item.string('org_url');
  if (orgUrl && !isSafeUrl(orgUrl)) {
    bag.error('UnsafeUrl', '`org_url` is not an http(s) URL or a site path.', item.at('org_url'));
    orgUrl = undefined;
  }
  const optional = {
    title: item.string('title'),
    org: item.string('org'),
    orgUrl,
    location: item.string('location'),
    start: item.string('start'),
    end: item.string('end'),
    date: item.string('date'),
    detail: item.string('detail'),
  };
  return {
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<CvItem>),
    notes: item.strings('notes'),
  };
}
