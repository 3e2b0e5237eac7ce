import { newsFile } from './kinds/news.js';
import { publicationFile } from './kinds/publication.js';
import { talkFile } from './kinds/talk.js';
import type { NewFile } from './write-new.js';

/** The name a new site starts with; the publication's author too, so the owner is recognised in it. */
const OWNER = 'Your Name';

/**
 * A new site's content/: a profile, a home page and one of each kind of content, each showing its
 * fields, so the site builds at once and every file is an example to copy. `today` is `YYYY-MM-DD`.
 */
export function starterContent(today: string): NewFile[] {
  const about = { date: today, owner: OWNER };
  const files = [
    { path: 'site.yml', contents: siteYml(today) },
    { path: 'pages/index.md', contents: HOME_PAGE },
    { path: 'cv.yml', contents: CV },
    publicationFile({ ...about, title: 'Your First Paper' }),
    talkFile({ ...about, title: 'The Title of Your Talk' }, 'The abstract of the talk, in markdown. A talk given several times is one file with several deliveries.'),
    newsFile({ ...about, title: 'Site launched' }, 'My new homepage is online. Each news item is one file in content/news/; the home page shows the latest five.'),
  ];
  return files.map((f) => ({ ...f, path: `content/${f.path}` }));
}

function siteYml(today: string): string {
  return `# Site settings and your profile; every field is described in Folio's docs/content.md.
# Lines starting with # are comments: remove the # to use a field.
title: "${OWNER}"
description: "${OWNER}: my research in one sentence, for search engines and link previews."
# url: https://you.github.io       # where the site is published; the GitHub workflow passes it for you
language: en
updated: ${today}                  # the "last updated" date in the footer

# Header links, in order. Without this list: About, Publications, Talks, CV, News, for the
# sections that have content.
# navigation:
#   - {title: About, url: /}
#   - {title: Publications, url: /publications/}

author:
  name: "${OWNER}"
  position: "Ph.D. Student in Your Field"
  affiliation: "Your University"
  bio: "One or two sentences about your research, shown under your name."
  # pronouns: she/her
  # affiliation_url: https://www.example.edu/
  # location: "City, Country"
  # email: you@example.edu              # shown obfuscated against naive scrapers
  # avatar: /images/avatar.jpg          # an image in public/
  # name_variants: ["Name, Your", "Y. Name"]   # how BibTeX author lists write you
  # alumni_of: ["Your University"]
  # links:                              # each optional; full URLs unless said otherwise
  #   scholar: https://scholar.google.com/citations?user=…
  #   orcid: 0000-0002-1825-0097         # the bare iD works
  #   github: your-handle                # a bare handle works
  #   dblp: https://dblp.org/pid/…
  #   semantic_scholar: https://www.semanticscholar.org/author/…
  #   linkedin: https://www.linkedin.com/in/…
  #   x: "@your_handle"
  #   bluesky: your-handle.bsky.social
  #   mastodon: https://mastodon.social/@…
  #   website: https://…
  #   cv: /files/cv.pdf                  # a PDF in public/, or a URL

# publications:
#   group_by: year        # year, type or none
#   numbered: false       # number the list like a CV
# home:
#   selected_publications: true   # papers with selected = {true} on the home page
#   news: 5                       # news items on the home page (0 hides them)
`;
}

const HOME_PAGE = `---
title: About
# pages/index.md is the home page; its text is shown beside your profile (site.yml's author).
---
Welcome! Write a few paragraphs about your research here, in markdown.

Your papers are BibTeX in content/publications/, your talks and news are files in content/talks/
and content/news/, and your CV is content/cv.yml. \`npm run dev\` shows the site and reloads it on
every save.
`;

const CV = `# Your CV, shown on /cv/, its sections in this order (Folio's docs/content.md, "CV").
sections:
  - id: education
    title: Education
    items:
      - title: Ph.D. in Your Field
        org: Your University
        location: "City, Country"
        start: 2024-09        # YYYY, YYYY-MM or free text
        end: present
        # org_url: https://www.example.edu/
        # detail: "Advisor: Prof. Someone"
        # notes:
        #   - "Thesis: *A Title*."
  - id: publications      # filled from content/publications/
    title: Publications
    source: publications
  - id: talks             # filled from content/talks/
    title: Talks
    source: talks
`;
