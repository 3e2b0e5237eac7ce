import type { NavItem, SiteConfig } from '../config/site.js';
import type { CvSection } from '../content/cv.js';
import type { NewsSource } from '../content/news.js';
import type { Talk } from '../model/site.js';
import type { SiteUrl } from './markdown/index.js';

/** The data templates receive, named as docs/templates.md documents it (snake_case, like Jekyll). */

export function siteView(site: SiteConfig, navigation: readonly NavItem[], currentUrl: string) {
  const { author } = site;
  const [emailUser, emailDomain] = author.email ? splitEmail(author.email) : [];
  return {
    title: site.title,
    description: site.description,
    language: site.language,
    updated: site.updated,
    url: `${site.origin}${site.basePath}/`,
    author: {
      name: author.name,
      pronouns: author.pronouns,
      position: author.position,
      affiliation: author.affiliation,
      affiliation_url: author.affiliationUrl,
      location: author.location,
      avatar: author.avatar,
      bio: author.bio,
      email_user: emailUser,
      email_domain: emailDomain,
      links: author.links,
    },
    navigation: navigation.map((item) => ({ ...item, active: isActive(item.url, currentUrl) })),
  };
}

/** A section is active on its own page and below it (`/talks/x/` lights up Talks), Home only on `/`. */
export function isActive(itemUrl: string, currentUrl: string): boolean {
  if (itemUrl === '/') return currentUrl === '/';
  return itemUrl.startsWith('/') && itemUrl.endsWith('/') ? currentUrl.startsWith(itemUrl) : currentUrl === itemUrl;
}

function splitEmail(email: string): [string, string] {
  const at = email.lastIndexOf('@');
  return at === -1 ? [email, ''] : [email.slice(0, at), email.slice(at + 1)];
}

export type RenderMarkdown = (markdown: string) => string;

export function talkView(talk: Talk, render: RenderMarkdown) {
  return {
    title: talk.title,
    url: talk.url,
    content: render(talk.body),
    slides: talk.slides,
    video: talk.video,
    code: talk.code,
    latest: talk.latest,
    deliveries: talk.deliveries,
  };
}

export function newsView(item: NewsSource, render: RenderMarkdown) {
  return { slug: item.slug, date: item.date, title: item.title, content: render(item.body) };
}

/**
 * `[1, 2, 5]` in a CV note names numbered publications, as the seed CV does; each number becomes a
 * link to that paper in the CV's publication list. Numbers that name no paper stay plain text.
 */
export function linkPublicationNumbers(html: string, slugOfNumber: ReadonlyMap<number, string>): string {
  if (slugOfNumber.size === 0) return html;
  // Only in text, never inside a tag or an existing link.
  return html.replace(/(<a\b[\s\S]*?<\/a>|<[^>]*>)|\[(\s*\d+(?:\s*,\s*\d+)*\s*)\]/g, (match, tag: string | undefined, list: string | undefined) => {
    if (tag !== undefined || list === undefined) return match;
    const numbers = list.split(',').map((n) => Number(n.trim()));
    if (!numbers.every((n) => slugOfNumber.has(n))) return match;
    return `[${numbers.map((n) => `<a class="pub-ref" href="#cv-pub-${slugOfNumber.get(n)}">${n}</a>`).join(', ')}]`;
  });
}

export function cvView(sections: readonly CvSection[], render: RenderMarkdown, renderInline: RenderMarkdown, slugOfNumber: ReadonlyMap<number, string> = new Map()) {
  return sections.map((section) => ({
    id: section.id,
    title: section.title,
    source: section.source,
    text: section.text ? render(section.text) : undefined,
    items: section.items.map((item) => ({
      title: item.title,
      org: item.org,
      org_url: item.orgUrl,
      location: item.location,
      start: item.start,
      end: item.end,
      date: item.date,
      detail: item.detail,
      notes: item.notes.map((note) => linkPublicationNumbers(renderInline(note), slugOfNumber)),
    })),
  }));
}

/** Renders a one-paragraph markdown snippet without its `<p>` wrapper. */
export function inlineRenderer(render: (md: string, siteUrl: SiteUrl) => string, siteUrl: SiteUrl): RenderMarkdown {
  return (markdown) => render(markdown, siteUrl).trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}
