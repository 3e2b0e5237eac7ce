import { slugOfTitle } from '../slug.js';
import type { NewFile } from '../write-new.js';
import type { NewContent } from './index.js';
import { yamlString } from './quote.js';

/** `news/<date>-<slug>.md`: the date first, so the folder lists the news in order. */
export function newsFile({ title, date }: NewContent, text = 'One line or a short paragraph of markdown.'): NewFile {
  return {
    path: `news/${date}-${slugOfTitle(title) || 'news'}.md`,
    contents: `---
date: ${date}
# The headline is optional: delete the title line for a one-line item (Folio's docs/content.md, "News").
title: ${yamlString(title)}
---
${text}
`,
  };
}
