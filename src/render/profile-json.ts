import type { SiteConfig } from '../config/site.js';
import { safeJson } from './helpers/json.js';

/** schema.org `ProfilePage` whose main entity is the owner as a `Person`, for the home page. */
export function profilePageJson(site: SiteConfig): string {
  const { author } = site;
  const absolute = (url: string) => (url.startsWith('/') ? `${site.origin}${site.basePath}${url}` : url);
  const home = `${site.origin}${site.basePath}`;
  const elsewhere = author.links.map((l) => l.url).filter((url) => /^https?:/.test(url) && !url.startsWith(home));
  const person = {
    '@type': 'Person',
    name: author.name,
    url: `${site.origin}${site.basePath}/`,
    ...(author.position ? { jobTitle: author.position } : {}),
    ...(author.affiliation ? { affiliation: { '@type': 'Organization', name: author.affiliation, ...(author.affiliationUrl ? { url: absolute(author.affiliationUrl) } : {}) } } : {}),
    ...(author.alumniOf.length ? { alumniOf: author.alumniOf.map((name) => ({ '@type': 'EducationalOrganization', name })) } : {}),
    ...(author.avatar ? { image: absolute(author.avatar) } : {}),
    ...(author.bio ? { description: author.bio } : {}),
    ...(author.location ? { homeLocation: { '@type': 'Place', name: author.location } } : {}),
    // Profiles elsewhere (ORCID, Scholar, GitHub…), not the site's own pages or its CV.
    ...(elsewhere.length ? { sameAs: elsewhere } : {}),
  };
  return safeJson({ '@context': 'https://schema.org', '@type': 'ProfilePage', url: `${site.origin}${site.basePath}/`, mainEntity: person });
}
