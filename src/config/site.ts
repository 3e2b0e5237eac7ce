/** A profile link, in display order; `id` names its icon. */
export interface ProfileLink {
  readonly id: string;
  readonly label: string;
  /** An absolute URL, or a path inside the site starting with `/`. */
  readonly url: string;
}

/** The owner (or a member) of the site, as shown in the profile. */
export interface Person {
  readonly name: string;
  readonly pronouns?: string;
  readonly position?: string;
  readonly affiliation?: string;
  readonly affiliationUrl?: string;
  readonly location?: string;
  readonly email?: string;
  /** A path inside the site or an absolute URL. */
  readonly avatar?: string;
  readonly bio?: string;
  readonly links: readonly ProfileLink[];
  /** Names that identify this person in author lists; always includes `name`. */
  readonly nameVariants: readonly string[];
  /** Schools and institutions they studied or worked at (schema.org `alumniOf`). */
  readonly alumniOf: readonly string[];
}

export interface NavItem {
  readonly title: string;
  readonly url: string;
}

/** site.yml's `publications:` map. */
export interface PublicationSettings {
  /** Headings of /publications/ (default `year`). */
  readonly groupBy: 'year' | 'type' | 'none';
  /** `date`: newest first (year, month, then file order); `file`: the order of the .bib files, as written. */
  readonly order: 'date' | 'file';
  /** Number the list like a CV, `[8]` … `[1]` (default false). */
  readonly numbered: boolean;
  /** On list cards, show at most this many authors, then "et al." (default 0: all). */
  readonly maxAuthors: number;
  /** Static filter pages by type and by keyword (default true). */
  readonly filters: boolean;
  /** Show citation metrics; by default they show when any entry has a citation count. */
  readonly metrics?: boolean;
  /**
   * CSL styles of the copy-ready citations on each paper's page, in order (default apa, ieee,
   * chicago-author-date); a name is a `.csl` file of templates/csl/ or a style citation-js ships.
   */
  readonly citationStyles: readonly string[];
  /** Where `citation_styles` is written, when it is. */
  readonly citationStylesAt?: { readonly file: string; readonly line?: number; readonly field?: string };
}

/** site.yml, validated, with every default filled in. */
export interface SiteConfig {
  readonly title: string;
  readonly description?: string;
  /** Scheme and host, without a trailing slash, e.g. `https://ada.github.io`. */
  readonly origin: string;
  /** The base path: `''` at a domain root, else like `/repo` (no trailing slash). */
  readonly basePath: string;
  readonly language: string;
  readonly updated?: string;
  /** The header navigation the user wrote, if any. */
  readonly navigation?: readonly NavItem[];
  readonly author: Person;
  readonly publications: PublicationSettings;
  readonly home: { readonly selectedPublications: boolean; readonly news: number };
  /** Keep `<script>` and `on*` attributes in markdown bodies (a trust decision: see docs/content.md). */
  readonly allowScripts: boolean;
}

/** Profile link kinds, in the order the profile shows them. */
export const PROFILE_LINKS: readonly { id: string; label: string; expand?: (value: string) => string }[] = [
  { id: 'website', label: 'Website' },
  { id: 'scholar', label: 'Google Scholar' },
  { id: 'orcid', label: 'ORCID', expand: (v) => (/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(v) ? `https://orcid.org/${v}` : v) },
  { id: 'semantic_scholar', label: 'Semantic Scholar' },
  { id: 'dblp', label: 'DBLP' },
  { id: 'github', label: 'GitHub', expand: (v) => (isHandle(v) ? `https://github.com/${v.replace(/^@/, '')}` : v) },
  { id: 'linkedin', label: 'LinkedIn' },
  { id: 'x', label: 'X', expand: (v) => (isHandle(v) ? `https://x.com/${v.replace(/^@/, '')}` : v) },
  { id: 'bluesky', label: 'Bluesky', expand: (v) => (/^@?[\w.-]+\.[a-z]+$/i.test(v) && !v.includes('/') ? `https://bsky.app/profile/${v.replace(/^@/, '')}` : v) },
  { id: 'mastodon', label: 'Mastodon' },
  { id: 'cv', label: 'CV' },
];

function isHandle(value: string): boolean {
  return /^@?[\w-]+$/.test(value);
}
