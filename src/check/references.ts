import type { PageElement, ParsedPage, Place } from './parse.js';

/** What a URL in a page is for: a link the reader follows, or a file the page loads itself. */
export type ReferenceKind = 'link' | 'asset';

/** One URL written in a page, with the element and attribute it came from. */
export interface Reference extends Place {
  readonly url: string;
  readonly kind: ReferenceKind;
  /** E.g. `img src`, for messages. */
  readonly source: string;
}

/** Attributes holding one URL, by element; `srcset` (several URLs) is handled apart. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly (readonly [string, ReferenceKind])[]>> = {
  a: [['href', 'link']],
  area: [['href', 'link']],
  img: [['src', 'asset']],
  source: [['src', 'asset']],
  script: [['src', 'asset']],
  video: [['src', 'asset'], ['poster', 'asset']],
  audio: [['src', 'asset']],
  track: [['src', 'asset']],
  iframe: [['src', 'asset']],
  embed: [['src', 'asset']],
  object: [['data', 'asset']],
  input: [['src', 'asset']],
  image: [['href', 'asset'], ['xlink:href', 'asset']],
  use: [['href', 'asset'], ['xlink:href', 'asset']],
};

/** `<link rel>` values that name another page rather than a file the page loads. */
const PAGE_RELS = new Set(['canonical', 'alternate', 'prev', 'next', 'author', 'help', 'license', 'search', 'me']);

/** `<meta>` tags whose content is a URL, usually of this site: social previews and Google Scholar's PDF. */
const META_URLS: Readonly<Record<string, ReferenceKind>> = { 'og:url': 'link', 'og:image': 'asset', 'twitter:image': 'asset', citation_pdf_url: 'asset' };

/** Every URL of a page, in document order: links, assets, srcset candidates, meta URLs and refresh targets. */
export function referencesOf(page: ParsedPage): Reference[] {
  const found: Reference[] = [];
  const add = (element: PageElement, attr: string, url: string, kind: ReferenceKind, source = `${element.tag} ${attr}`) => {
    found.push({ url, kind, source, ...element.at(attr) });
  };
  for (const element of page.elements) {
    for (const [attr, kind] of URL_ATTRIBUTES[element.tag] ?? []) {
      const value = element.attrs.get(attr);
      if (value !== undefined) add(element, attr, value, kind);
    }
    if (element.tag === 'link' && element.attrs.has('href')) {
      const rels = (element.attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
      add(element, 'href', element.attrs.get('href')!, rels.some((r) => PAGE_RELS.has(r)) ? 'link' : 'asset');
    }
    const srcset = element.attrs.get('srcset');
    if (srcset !== undefined && (element.tag === 'img' || element.tag === 'source')) {
      for (const url of srcsetUrls(srcset)) add(element, 'srcset', url, 'asset');
    }
    if (element.tag === 'meta') {
      const content = element.attrs.get('content') ?? '';
      const name = (element.attrs.get('property') ?? element.attrs.get('name') ?? '').toLowerCase();
      const refresh = element.attrs.get('http-equiv')?.toLowerCase() === 'refresh' ? refreshTarget(content) : undefined;
      if (refresh !== undefined) add(element, 'content', refresh, 'link', 'meta refresh');
      else if (META_URLS[name] && content) add(element, 'content', content, META_URLS[name], `meta ${name}`);
    }
  }
  return found;
}

/**
 * The URLs of a `srcset`: candidates separated by commas, each a URL and an optional `2x` or `480w`.
 * Follows the HTML parsing rules, so a URL may itself contain commas (`a,b.png 2x`).
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  const at = (test: RegExp) => i < srcset.length && test.test(srcset[i]!);
  while (i < srcset.length) {
    while (at(/[\s,]/)) i++;
    const start = i;
    while (at(/\S/)) i++;
    let url = srcset.slice(start, i);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else while (i < srcset.length && srcset[i] !== ',') i++; // the descriptor
    if (url) urls.push(url);
  }
  return urls;
}

/** The target of `<meta http-equiv="refresh" content="0; url=…">`, as redirect pages write it. */
export function refreshTarget(content: string): string | undefined {
  const match = /^\s*\d*(?:\.\d*)?\s*[;,]\s*(?:url\s*=\s*)?(['"]?)(.*?)\1\s*$/i.exec(content);
  return match?.[2] || undefined;
}
