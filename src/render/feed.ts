import { htmlToText } from '../content/bibtex/latex.js';
import type { SiteModel } from '../model/site.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FeedItem {
  readonly slug: string;
  readonly date: string;
  readonly title?: string;
  /** Rendered HTML with root-absolute links (base path included). */
  readonly content: string;
}

/**
 * feed.xml: the news as an Atom feed. Every URL is absolute (feed readers resolve nothing), ids
 * are the items' permanent URLs, and `updated` is the newest item's date, never the clock, so the
 * same content gives the same bytes.
 */
export function renderAtomFeed(model: SiteModel, items: readonly FeedItem[]): string {
  const { site } = model;
  const base = `${site.origin}${site.basePath}`;
  const absolute = (html: string) => html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${site.origin}/`);
  const stamp = (date: string) => `${date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date}T00:00:00Z`;
  const entries = items.map((item) => {
    const url = `${base}/news/#news-${item.slug}`;
    const title = item.title ?? summary(htmlToText(item.content));
    return [
      '  <entry>',
      `    <id>${escapeXml(url)}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <updated>${stamp(item.date)}</updated>`,
      `    <content type="html">${escapeXml(absolute(item.content))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  const updated = items.length ? stamp(items.map((i) => i.date).sort().at(-1)!) : stamp(site.updated ?? '1970-01-01');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.language)}">`,
    `  <id>${escapeXml(`${base}/`)}</id>`,
    `  <title>${escapeXml(`${site.title}: news`)}</title>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(`${base}/news/`)}"/>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/feed.xml`)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(site.author.name)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** A title for an untitled item: its first sentence, or its first words. */
function summary(text: string): string {
  const sentence = /^(.{10,90}?[.!?])(\s|$)/.exec(text)?.[1];
  if (sentence) return sentence;
  return text.length > 80 ? `${text.slice(0, 77).replace(/\s+\S*$/, '')}…` : text;
}
