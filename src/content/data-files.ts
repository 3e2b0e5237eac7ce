import path from 'node:path';
import { collect, type DiagnosticBag } from '../errors.js';
import { isSafeUrl } from '../urls.js';
import { Fields, isRecord } from './fields.js';
import { readOptionalText } from './files.js';
import { parseYaml, type YamlSource } from './yaml.js';

/** A co-author whose name links to their homepage in author lists. */
export interface Coauthor {
  /** The family name as written. */
  readonly family: string;
  /** Given-name spellings that identify them (`Edwin`, `E.`, `E. P.`); empty matches any. */
  readonly given: readonly string[];
  readonly url: string;
}

/** Reads an optional YAML data file of the content folder; a missing file is undefined. */
async function loadDataFile(contentDir: string, name: string, bag: DiagnosticBag): Promise<(YamlSource & { file: string }) | undefined> {
  const file = path.join(contentDir, name);
  const text = await readOptionalText(file, bag);
  return text === undefined ? undefined : collect(bag, () => ({ ...parseYaml(text, file, 'InvalidDataFile'), file }));
}

/**
 * `content/coauthors.yml`, in either of two shapes: al-folio's `_data/coauthors.yml` unchanged
 * (family name → list of `{firstname: [...], url}`), or simply full name → URL.
 */
export async function loadCoauthors(contentDir: string, bag: DiagnosticBag): Promise<Coauthor[]> {
  const yaml = await loadDataFile(contentDir, 'coauthors.yml', bag);
  if (!yaml || yaml.data === null || yaml.data === undefined) return [];
  return parseCoauthors(yaml, yaml.file, bag);
}

export function parseCoauthors(yaml: YamlSource, file: string, bag: DiagnosticBag): Coauthor[] {
  if (!isRecord(yaml.data)) {
    bag.error('InvalidDataFile', 'coauthors.yml must map each name to a URL (or to al-folio\'s list of `firstname`/`url`).', { file, line: 1 });
    return [];
  }
  const fields = new Fields(yaml.data, file, bag, yaml.lineOf);
  const out: Coauthor[] = [];
  for (const [name, value] of Object.entries(yaml.data)) {
    if (typeof value === 'string') {
      // "Full Name": url, or "Family, Given": url
      const [family, given] = name.includes(',') ? name.split(',', 2).map((s) => s.trim()) : [name.trim().split(/\s+/).pop()!, name.trim().split(/\s+/).slice(0, -1).join(' ')];
      pushIfSafe(out, { family: family!, given: given ? [given] : [], url: value }, fields, name, bag);
      continue;
    }
    for (const person of fields.maps(name)) {
      person.warnUnknown(['firstname', 'url']);
      const url = person.string('url', true);
      if (url) pushIfSafe(out, { family: name, given: person.strings('firstname'), url }, person, 'url', bag);
    }
  }
  return out;
}

function pushIfSafe(out: Coauthor[], coauthor: Coauthor, fields: Fields, field: string, bag: DiagnosticBag): void {
  if (isSafeUrl(coauthor.url)) out.push(coauthor);
  else bag.error('UnsafeUrl', `The link for ${coauthor.family} is not an http(s) URL or a site path.`, fields.at(field));
}

/** `content/citations.yml`: BibTeX key → citation count, for entries without a `citations` field. */
export async function loadCitationCounts(contentDir: string, bag: DiagnosticBag): Promise<ReadonlyMap<string, number>> {
  const yaml = await loadDataFile(contentDir, 'citations.yml', bag);
  const counts = new Map<string, number>();
  if (!yaml || yaml.data === null || yaml.data === undefined) return counts;
  if (!isRecord(yaml.data)) {
    bag.error('InvalidDataFile', 'citations.yml must map each BibTeX key to a number: `lovelace1843: 12`.', { file: yaml.file, line: 1 });
    return counts;
  }
  const fields = new Fields(yaml.data, yaml.file, bag, yaml.lineOf);
  for (const key of Object.keys(yaml.data)) {
    const n = fields.number(key);
    if (n !== undefined && n >= 0) counts.set(key, Math.floor(n));
    else if (n !== undefined) bag.error('WrongFieldType', `The citation count of \`${key}\` must not be negative.`, fields.at(key));
  }
  return counts;
}
