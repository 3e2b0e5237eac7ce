import type { SiteModel } from '../model/site.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** sitemap.xml: every indexed page, absolute URLs, in output-path order (deterministic). */
export function renderSitemap(model: SiteModel): string {
  const base = `${model.site.origin}${model.site.basePath}`;
  const urls = model.routes
    .filter((r) => r.indexed)
    .map((r) => `  <url><loc>${escapeXml(encodeURI(base + r.url))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function renderRobots(model: SiteModel): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${model.site.origin}${model.site.basePath}/sitemap.xml\n`;
}
