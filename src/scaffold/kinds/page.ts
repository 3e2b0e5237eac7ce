import { slugOfTitle } from '../slug.js';
import type { NewFile } from '../write-new.js';
import type { NewContent } from './index.js';
import { yamlString } from './quote.js';

/** `pages/<slug>.md`: the file's path is the page's URL, `/<slug>/`, so no date in the name. */
export function pageFile({ title, date }: NewContent): NewFile {
  const slug = slugOfTitle(title) || 'page';
  return {
    path: `pages/${slug}.md`,
    contents: `---
title: ${yamlString(title)}
# Optional fields: remove the # at the start of a line to use it (Folio's docs/content.md, "Pages").
# permalink: /${slug}/            # the page's URL; by default it follows the file's path
# description: "One sentence for search engines and link previews."
# layout: page                     # a template in templates/layouts/
# author_profile: true             # show your profile beside the page
# classes: wide                    # extra CSS classes on <main>; wide uses the full width
# redirect_from: /old-address/     # an old URL, or a list of them, that should lead here
# date: ${date}                # shown under the title
# nav_order: 3                     # join the header navigation (when site.yml has no navigation:)
# nav_title: "Short title"         # a shorter title for the navigation
---
Write this page in markdown.
`,
  };
}
