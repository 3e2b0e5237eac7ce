import path from 'node:path';
import { PROFILE_LINKS, type NavItem, type Person, type ProfileLink, type PublicationSettings, type SiteConfig } from '../config/site.js';
import { collect, type DiagnosticBag } from '../errors.js';
import { isSafeUrl, normaliseBasePath, splitBaseUrl } from '../urls.js';
import { Fields, isRecord } from './fields.js';
import { readText } from './files.js';
import { parseYaml } from './yaml.js';

const SITE_FIELDS = ['title', 'description', 'url', 'baseurl', 'language', 'updated', 'navigation', 'author', 'publications', 'home', 'allow_scripts'];
export const AUTHOR_FIELDS = ['name', 'pronouns', 'position', 'affiliation', 'affiliation_url', 'location', 'email', 'avatar', 'bio', 'links', 'name_variants', 'alumni_of'];

/** Reads and validates `content/site.yml`; `baseUrl` (from `--base-url`) overrides its `url`. */
export async function loadSiteConfig(contentDir: string, bag: DiagnosticBag, baseUrl?: string): Promise<SiteConfig | undefined> {
  const file = path.join(contentDir, 'site.yml');
  let text: string;
  try {
    text = await readText(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return collect(bag, () => { throw error; });
    bag.error('MissingSiteConfig', 'There is no site.yml in the content folder.', { file }, 'Create content/site.yml with at least `title:` and `author: {name: …}` (see docs/content.md).');
    return undefined;
  }
  return collect(bag, () => parseSiteConfig(text, file, bag, baseUrl));
}

/** The pure half of loadSiteConfig. */
export function parseSiteConfig(text: string, file: string, bag: DiagnosticBag, baseUrl?: string): SiteConfig {
  const yaml = parseYaml(text, file, 'InvalidSiteConfig');
  if (!isRecord(yaml.data)) {
    bag.error('InvalidSiteConfig', 'site.yml must be a map of `field: value` lines.', { file, line: 1 });
    return parseSiteConfig('title: Untitled\nauthor: {name: Unknown}', file, bag);
  }
  const site = new Fields(yaml.data, file, bag, yaml.lineOf);
  site.warnUnknown(SITE_FIELDS);

  const { origin, basePath } = resolveBase(site, bag, baseUrl);
  const author = readPerson(site.map('author'), site, bag);
  const publications = readPublicationSettings(site.map('publications'), bag);
  const home = site.map('home');
  const navigation = site.has('navigation') ? readNavigation(site, bag) : undefined;
  const description = site.string('description');
  const updated = site.date('updated');

  return {
    title: site.string('title', true) ?? 'Untitled',
    ...(description ? { description } : {}),
    origin,
    basePath,
    language: readLanguage(site, bag),
    ...(updated ? { updated } : {}),
    ...(navigation ? { navigation } : {}),
    author,
    publications,
    home: { selectedPublications: home?.boolean('selected_publications') ?? true, news: home?.number('news') ?? 5 },
    allowScripts: site.boolean('allow_scripts') ?? false,
  };
}

/**
 * `language` as a canonical BCP 47 tag (`pt-br` → `pt-BR`), default `en`: it becomes `<html lang>`
 * and the locale dates are written in, and a tag Intl cannot read would fail every page.
 */
function readLanguage(site: Fields, bag: DiagnosticBag): string {
  const value = site.string('language');
  if (value === undefined) return 'en';
  try {
    return Intl.getCanonicalLocales(value.trim())[0] ?? 'en';
  } catch {
    bag.error('WrongFieldType', `\`language\` must be a language tag like \`en\`, \`de\` or \`pt-BR\`; found "${value}".`, site.at('language'), 'Use a BCP 47 language tag: a language code, then a region or script if needed.');
    return 'en';
  }
}

const PUBLICATION_FIELDS = ['group_by', 'order', 'numbered', 'max_authors', 'filters', 'metrics', 'citation_styles'];
const DEFAULT_CITATION_STYLES = ['apa', 'ieee', 'chicago-author-date'];

function readPublicationSettings(fields: Fields | undefined, bag: DiagnosticBag): PublicationSettings {
  fields?.warnUnknown(PUBLICATION_FIELDS);
  const choice = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = fields?.string(name) ?? allowed[0]!;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    bag.error('WrongFieldType', `\`publications.${name}\` must be ${allowed.map((a) => `\`${a}\``).join(' or ')}.`, fields!.at(name));
    return allowed[0]!;
  };
  const metrics = fields?.boolean('metrics');
  return {
    groupBy: choice('group_by', ['year', 'type', 'none'] as const),
    order: choice('order', ['date', 'file'] as const),
    numbered: fields?.boolean('numbered') ?? false,
    maxAuthors: fields?.number('max_authors') ?? 0,
    filters: fields?.boolean('filters') ?? true,
    citationStyles: fields?.has('citation_styles') ? fields.strings('citation_styles') : DEFAULT_CITATION_STYLES,
    ...(fields?.has('citation_styles') ? { citationStylesAt: fields.at('citation_styles') } : {}),
    ...(metrics !== undefined ? { metrics } : {}),
  };
}

function resolveBase(site: Fields, bag: DiagnosticBag, override?: string): { origin: string; basePath: string } {
  const url = override ?? site.string('url');
  let origin = 'http://localhost';
  let basePath = '';
  if (url) {
    const split = splitBaseUrl(url);
    if (split) ({ origin, basePath } = split);
    else if (override) bag.error('InvalidBaseUrl', `--base-url must be an http(s) URL; found "${override}".`, { file: '--base-url' });
    else bag.error('InvalidUrl', `\`url\` must be an absolute http(s) URL like https://you.github.io; found "${url}".`, site.at('url'));
  }
  const baseurl = site.string('baseurl');
  if (!override && baseurl && !basePath) basePath = normaliseBasePath(baseurl);
  return { origin, basePath };
}

function readNavigation(site: Fields, bag: DiagnosticBag): NavItem[] {
  return site.maps('navigation').flatMap((item) => {
    const title = item.string('title', true);
    const url = item.string('url', true);
    if (!title || !url) return [];
    if (!isSafeUrl(url)) {
      bag.error('UnsafeUrl', `Navigation link "${title}" has a URL that is not http(s), mailto or a site path.`, item.at('url'));
      return [];
    }
    return [{ title, url }];
  });
}

/** Reads a profile (site.yml's `author`, or a group member's front matter). */
export function readPerson(person: Fields | undefined, parent: Fields, bag: DiagnosticBag, otherFields: readonly string[] = []): Person {
  if (!person) {
    bag.error('MissingRequiredField', 'The required field `author` is missing.', parent.at(), 'Add `author:` with at least `name:` (see docs/content.md).');
    return { name: 'Unknown', links: [], nameVariants: [], alumniOf: [] };
  }
  person.warnUnknown([...AUTHOR_FIELDS, ...otherFields]);
  const name = person.string('name', true) ?? 'Unknown';
  const links = readLinks(person.map('links'), bag);
  const optional = {
    pronouns: person.string('pronouns'),
    position: person.string('position'),
    affiliation: person.string('affiliation'),
    affiliationUrl: safe(person, 'affiliation_url', bag),
    location: person.string('location'),
    email: person.string('email'),
    avatar: safe(person, 'avatar', bag),
    bio: person.string('bio'),
  };
  return {
    name,
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<Person>),
    links,
    nameVariants: [name, ...person.strings('name_variants')],
    alumniOf: person.strings('alumni_of'),
  };
}

function readLinks(links: Fields | undefined, bag: DiagnosticBag): ProfileLink[] {
  if (!links) return [];
  links.warnUnknown(PROFILE_LINKS.map((l) => l.id));
  return PROFILE_LINKS.flatMap(({ id, label, expand }) => {
    const value = links.string(id);
    if (!value) return [];
    const url = expand ? expand(value.trim()) : value.trim();
    if (!isSafeUrl(url)) {
      bag.error('UnsafeUrl', `The ${label} link is not an http(s), mailto or site URL.`, links.at(id));
      return [];
    }
    return [{ id, label, url }];
  });
}

function safe(fields: Fields, name: string, bag: DiagnosticBag): string | undefined {
  const value = fields.string(name);
  if (value === undefined || isSafeUrl(value)) return value;
  bag.error('UnsafeUrl', `\`${name}\` is not an http(s), mailto or site URL.`, fields.at(name));
  return undefined;
}
