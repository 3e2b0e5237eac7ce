import fc from 'fast-check';
import { phrase } from './text.js';
import { date, sitePath, wild } from './yaml.js';

const siteLink = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('https://ada.github.io', 'https://ada.github.io/repo/', '/files/cv.pdf', 'mailto:ada@example.org', '0000-0002-1825-0097', 'ada-example', '@ada', 'ada.bsky.social', 'https://x.org/"><script>alert(1)</script>', 'ada.github.io') },
  { weight: 1, arbitrary: fc.constantFrom('javascript:alert(1)', 'data:text/html,x') },
  { weight: 2, arbitrary: phrase },
);

const PROFILE_LINKS = ['github', 'scholar', 'orcid', 'x', 'bluesky', 'mastodon', 'website', 'cv', 'linkedin', 'dblp', 'semantic_scholar', 'email', 'typo'];

/** site.yml values for every field Folio reads (title and author always; allow_scripts never). */
export const siteFields = fc.record(
  {
    title: wild(phrase),
    description: wild(phrase),
    url: wild(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('https://ada.github.io', 'https://ada.github.io/repo/', 'http://localhost:8080/a/b', 'https://x.org/"><script>alert(1)</script>/') }, { weight: 1, arbitrary: fc.constantFrom('ada.github.io', 'javascript:alert(1)') })),
    baseurl: wild(sitePath),
    language: wild(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('en', 'de-CH', 'fr', 'zh-Hant-TW') }, { weight: 1, arbitrary: fc.constantFrom('x"><script>alert(1)</script>', 'english', '') })),
    updated: wild(date),
    navigation: wild(fc.array(fc.record({ title: phrase, url: fc.oneof(sitePath, siteLink) }), { maxLength: 3 })),
    author: wild(
      fc.record(
        {
          name: phrase,
          pronouns: phrase,
          position: phrase,
          affiliation: phrase,
          affiliation_url: siteLink,
          location: phrase,
          email: fc.oneof(fc.constantFrom('ada@example.org', '"><script>alert(1)</script>@x.org', 'no-at-sign'), phrase),
          avatar: siteLink,
          bio: phrase,
          links: wild(fc.dictionary(fc.constantFrom(...PROFILE_LINKS), siteLink, { maxKeys: 5 })),
          name_variants: wild(fc.array(phrase, { maxLength: 2 })),
        },
        { requiredKeys: ['name'] },
      ),
    ),
    publications: wild(fc.record({ group_by: fc.constantFrom('year', 'type', 'year', 'type', 'venue'), numbered: wild(fc.boolean()) }, { requiredKeys: [] })),
    home: wild(fc.record({ selected_publications: wild(fc.boolean()), news: wild(fc.integer({ min: -1, max: 3 })) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['title', 'author'] },
);
