import { slugOfTitle } from '../slug.js';
import type { NewFile } from '../write-new.js';
import type { NewContent } from './index.js';
import { yamlString } from './quote.js';

/**
 * `talks/<slug>.md`, without a date in the name: the talk's URL is `/talks/<slug>/`, and one talk
 * may be given many times, each a delivery with its own date.
 */
export function talkFile({ title, date }: NewContent, abstract = 'The abstract, in markdown.'): NewFile {
  return {
    path: `talks/${slugOfTitle(title) || 'talk'}.md`,
    contents: `---
title: ${yamlString(title)}
# Optional fields: remove the # at the start of a line to use it (Folio's docs/content.md, "Talks").
# slides: /files/slides.pdf        # a file in public/, or a URL
# video: https://www.youtube.com/watch?v=…
# code: https://github.com/…
# speakers: ["A Member"]           # group sites: list the talk on these members' pages
deliveries:                        # each time you gave the talk; add a "- event:" block for each
  - event: "Name of the event or host"
    date: ${date}                # YYYY-MM-DD or YYYY-MM
    # kind: Invited Talk           # Invited Talk, Contributed, Poster, Tutorial, Keynote…
    # duration: 45min
    # location: "City, Country"
    # url: https://…               # the event's page
---
${abstract}
`,
  };
}
