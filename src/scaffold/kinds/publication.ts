import { bibKeyOf } from '../slug.js';
import type { NewFile } from '../write-new.js';
import type { NewContent } from './index.js';
import { bibtexText } from './quote.js';

/**
 * `publications/<key>.bib`, one new file per paper, so an existing .bib file is never rewritten.
 * BibTeX has no comments inside an entry; the optional fields are listed in a `%` block above it,
 * ready to be copied in. The block has no `@`, which would start an entry.
 */
export function publicationFile({ title, date, owner }: NewContent): NewFile {
  const year = date.slice(0, 4);
  const key = bibKeyOf(title, year);
  return {
    path: `publications/${key}.bib`,
    contents: `% Written by \`folio new publication\`. Fill in the entry below; for a journal paper, make it
% an article entry with \`journal = {…}\` instead of \`booktitle\`. Authors are separated by "and".
%
% Optional fields (Folio's docs/content.md, "Publications"): copy a line into the entry to use it.
%   month = {jan},
%   doi = {10.1234/…},
%   arxiv = {2501.01234},
%   abstract = {…},                      shown behind an "Abstract" toggle and on the paper's page
%   abbr = {ICML},                        venue badge
%   selected = {true},                    show the paper on the home page
%   pdf = {/files/paper.pdf},             a file in public/ or beside this .bib file, or a URL
%   supp = {…}, slides = {…}, poster = {…},       files or URLs, like pdf
%   html = {https://…}, code = {https://…}, video = {https://…}, website = {https://…}, blog = {https://…},
%   hal = {…}, pmid = {…},                other identifiers; the link is made for you
%   preview = {preview.png},              an image for the paper's page
%   award_name = {Best Paper}, award = {…},       an award badge and its description
%   note = {Under review at …},           shown under the venue
%   status = {To appear},                 Under review, To appear, Preprint…
%   venue_extra = {… Workshop},           other venues of the same work, separated by ;
%   additional_info = {…}, annotation = {…},      extra text under the entry
%   keywords = {optimization; theory},    topics, each with its own filter page
%   kind = {conference},                  journal, conference, workshop, preprint, thesis, book, other
%   citations = {0},                      citation count, for the metrics
%   google_scholar_id = {…},
%   bibtex_show = {true},

@inproceedings{${key},
  title = {${bibtexText(title)}},
  author = {${bibtexText(owner)}},
  booktitle = {Name of the conference},
  year = {${year}},
}
`,
  };
}
