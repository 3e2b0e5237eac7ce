/** One permanent problem code: what it means, an example of the mistake, and the fix. */
export interface CatalogueEntry {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  /** A short example of content that causes it, with the file it lives in. */
  readonly example: { readonly file: string; readonly text: string };
  readonly fix: string;
}

/**
 * Every problem Folio reports, by its permanent code. docs/errors.md is generated from this table
 * (`npm run docs:errors`) and a test fails when the two disagree.
 */
export const CATALOGUE = {
  BibSyntax: {
    severity: 'error',
    summary: 'A BibTeX file cannot be read: an unclosed brace, a missing key or a malformed field.',
    example: { file: 'content/publications/papers.bib', text: '@article{lovelace1843,\n  title = {Notes on the {Analytical Engine},\n  year = 1843\n}' },
    fix: 'Count the braces of the entry named in the message: every `{` needs its `}`. Put the key right after the opening brace.',
  },
  DuplicateBibKey: {
    severity: 'warning',
    summary: 'Two BibTeX entries share a key. The first one is kept, as BibTeX does.',
    example: { file: 'content/publications/a.bib and b.bib', text: '@article{smith2020, …}\n@inproceedings{smith2020, …}' },
    fix: 'Give each entry its own key, or delete the copy.',
  },
  BinaryFile: {
    severity: 'error',
    summary: 'A binary file (an image, a PDF…) is in content/, which holds only text.',
    example: { file: 'content/pages/photo.md', text: '(a JPEG renamed to .md)' },
    fix: 'Move uploads to public/ and link them from there.',
  },
  InvalidEncoding: {
    severity: 'error',
    summary: 'A content file is not UTF-8 (often Latin-1 or Windows-1252 from an old editor).',
    example: { file: 'content/pages/about.md', text: 'Caf\\xe9 (a Latin-1 é)' },
    fix: 'Re-save the file as UTF-8.',
  },
  EmptyFile: {
    severity: 'warning',
    summary: 'A content file is empty and was skipped.',
    example: { file: 'content/news/2025-01-01.md', text: '' },
    fix: 'Write the content, or delete the file.',
  },
  SkippedFile: {
    severity: 'warning',
    summary: 'A file in content/ is not read by any part of Folio, so it is not published.',
    example: { file: 'content/photo.jpg', text: '' },
    fix: 'Files to publish as they are belong in public/; content/ holds markdown, YAML and BibTeX.',
  },
  InvalidFrontMatter: {
    severity: 'error',
    summary: 'The YAML front matter of a markdown file cannot be read.',
    example: { file: 'content/pages/about.md', text: '---\ntitle: "About me\n---' },
    fix: 'Close every quote, indent with spaces (never tabs), and quote values containing `: `.',
  },
  InvalidSiteConfig: {
    severity: 'error',
    summary: 'content/site.yml is not valid YAML or not a map of settings.',
    example: { file: 'content/site.yml', text: 'title: My site\nauthor:\n\tname: Ada' },
    fix: 'Fix the YAML at the line shown; see docs/content.md for the fields.',
  },
  InvalidCv: {
    severity: 'error',
    summary: 'content/cv.yml is not valid YAML or lacks its `sections:` list.',
    example: { file: 'content/cv.yml', text: '- id: education' },
    fix: 'Start cv.yml with `sections:` and list the sections under it.',
  },
  InvalidDataFile: {
    severity: 'error',
    summary: 'A data file of the content folder (coauthors.yml, citations.yml) is not valid YAML or not the map it should be.',
    example: { file: 'content/citations.yml', text: '- lovelace1843: 12' },
    fix: 'Write one `key: value` line per entry: `"Giulia Rossi": https://giulia.example.org/` in coauthors.yml, `lovelace1843: 12` in citations.yml.',
  },
  MissingLinkedFile: {
    severity: 'warning',
    summary: 'A publication links a file (pdf, slides, poster, supp, preview) that is neither in public/ nor beside the .bib file, or a markdown page links or shows a file of the site (`/files/cv.pdf`, `/images/me.jpg`) that is neither in public/ nor a page Folio writes.',
    example: { file: 'content/publications/papers.bib', text: '@article{ada2024,\n  title = {…},\n  pdf = {ada2024.pdf}\n}' },
    fix: 'Put the file in public/ (e.g. public/files/ada2024.pdf, then `pdf = {/files/ada2024.pdf}` or `[paper](/files/ada2024.pdf)`) or beside the .bib file, or fix its name: names are case-sensitive on GitHub Pages.',
  },
  UnknownCitationStyle: {
    severity: 'error',
    summary: '`publications.citation_styles` in site.yml names a citation style that is neither a .csl file of templates/csl/ nor one citation-js ships.',
    example: { file: 'content/site.yml', text: 'publications:\n  citation_styles: [apa, iee]' },
    fix: 'Use a name the message lists (apa, ieee, chicago-author-date, vancouver, harvard1…), or put the style\'s .csl file (from the CSL style repository) in templates/csl/.',
  },
  CitationFailed: {
    severity: 'warning',
    summary: 'citeproc could not format an entry in one citation style; its page shows the other styles.',
    example: { file: 'content/publications/papers.bib', text: '@article{ada2024, … }' },
    fix: 'Check the entry\'s author names and dates. If the entry looks right, report it to Folio with the entry.',
  },
  MissingSiteConfig: {
    severity: 'error',
    summary: 'The content folder has no site.yml.',
    example: { file: 'content/', text: '(no site.yml)' },
    fix: 'Create content/site.yml with at least `title:` and `author: {name: …}`.',
  },
  MissingRequiredField: {
    severity: 'error',
    summary: 'A required field is missing: a page without `title`, a BibTeX entry without a title, a news item without `date`…',
    example: { file: 'content/news/2025-09.md', text: '---\ntitle: New paper\n---' },
    fix: 'Add the field named in the message.',
  },
  WrongFieldType: {
    severity: 'error',
    summary: 'A field has the wrong kind of value, e.g. text where a list is expected.',
    example: { file: 'content/site.yml', text: 'navigation: /publications/' },
    fix: 'Write the value in the form the message names (a list is lines starting with `- `).',
  },
  InvalidDate: {
    severity: 'error',
    summary: 'A date is not written as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.',
    example: { file: 'content/news/x.md', text: 'date: 3rd of May' },
    fix: 'Write dates like 2025-05-03.',
  },
  UnknownPublicationKey: {
    severity: 'warning',
    summary: 'A project lists a BibTeX key that is in no .bib file, so that paper cannot be linked.',
    example: { file: 'content/projects/optstab.md', text: '---\ntitle: OptStab\npublications: [rossi2025optstb]\n---' },
    fix: 'Copy the key exactly from the .bib file (keys are case-sensitive).',
  },
  UnknownField: {
    severity: 'warning',
    summary: 'A field Folio does not know is ignored (often a typo).',
    example: { file: 'content/site.yml', text: 'navigaton:\n  - {title: CV, url: /cv/}' },
    fix: 'Use the suggested name, or remove the field.',
  },
  InvalidUrl: {
    severity: 'error',
    summary: '`url` in site.yml is not an absolute http(s) address.',
    example: { file: 'content/site.yml', text: 'url: ada.github.io' },
    fix: 'Write the full address: `url: https://ada.github.io`.',
  },
  InvalidBaseUrl: {
    severity: 'error',
    summary: '`--base-url` is not an absolute http(s) address.',
    example: { file: '(command line)', text: 'folio build --base-url repo' },
    fix: 'Pass the full address, e.g. `--base-url https://you.github.io/repo`.',
  },
  UnsafeUrl: {
    severity: 'error',
    summary: 'A link in the data uses a scheme other than http, https or mailto (e.g. `javascript:`), so it is not published.',
    example: { file: 'content/publications/papers.bib', text: 'url = {javascript:alert(1)}' },
    fix: 'Use an http(s) address or a path inside the site.',
  },
  TalkMerged: {
    severity: 'warning',
    summary: 'Several talk files share one title and different abstracts; they are shown as one talk with all their deliveries, and the first abstract.',
    example: { file: 'content/talks/2024-03-talk.md', text: '---\ntitle: "Rivers and Valleys"\nvenue: "MIT"\n---\nA different abstract.' },
    fix: 'Keep the abstract in one file (academicpages-style files of the same talk may leave the body empty), or give different talks different titles.',
  },
  TalkWithoutDelivery: {
    severity: 'warning',
    summary: 'A talk has no `deliveries`, so it is shown without a date or place.',
    example: { file: 'content/talks/x.md', text: '---\ntitle: My talk\n---' },
    fix: 'Add `deliveries:` with at least one `- event: …` and `date: …`.',
  },
  PermalinkCollision: {
    severity: 'error',
    summary: 'Two pages (or a page and a redirect) would be written to the same file.',
    example: { file: 'content/pages/a.md and b.md', text: 'permalink: /about/' },
    fix: 'Give one of them a different `permalink`, or drop the redirect.',
  },
  PermalinkOutsideSite: {
    severity: 'error',
    summary: 'A `permalink` or `redirect_from` path climbs out of the output folder with `..`.',
    example: { file: 'content/pages/a.md', text: 'permalink: ../../etc/' },
    fix: 'Use a path inside the site, like /research/.',
  },
  PublicOverridesPage: {
    severity: 'warning',
    summary: 'A file in public/ has the same path as a page Folio renders; the file wins.',
    example: { file: 'public/index.html', text: '' },
    fix: 'Rename the file in public/, or change the page\'s permalink.',
  },
  MissingTemplates: {
    severity: 'error',
    summary: 'The templates folder has no layouts.',
    example: { file: 'templates/', text: '(no layouts/*.hbs)' },
    fix: 'Pass `--templates` with the folder holding layouts/ and partials/.',
  },
  TemplateSyntax: {
    severity: 'error',
    summary: 'A Handlebars template cannot be parsed.',
    example: { file: 'templates/layouts/page.hbs', text: '{{#if page.date}}…' },
    fix: 'Close every `{{#block}}` with its `{{/block}}`.',
  },
  UnknownHelper: {
    severity: 'error',
    summary: 'A template calls a helper that is neither one of Folio\'s (`url`, `date`, `icon`…) nor one of Handlebars\' own.',
    example: { file: 'templates/layouts/page.hbs', text: '{{dat page.date "long"}}' },
    fix: 'Use one of the helpers listed in the message (docs/templates.md), or fix its name.',
  },
  UnknownLayout: {
    severity: 'error',
    summary: 'A page asks for a layout that is not in templates/layouts/.',
    example: { file: 'content/pages/a.md', text: 'layout: paeg' },
    fix: 'Use one of the layouts listed in the message (academicpages\' `single`, `archive` and `splash` mean `page`).',
  },
  UnknownPartial: {
    severity: 'error',
    summary: 'A template includes a partial that is neither in templates/partials/ nor an inline partial (`{{#*inline "name"}}`), even if no page uses that template.',
    example: { file: 'templates/layouts/page.hbs', text: '{{> sidebar}}' },
    fix: 'Create the partial (templates/partials/sidebar.hbs), or fix its name.',
  },
  TemplateError: {
    severity: 'error',
    summary: 'A template failed while rendering a page.',
    example: { file: 'templates/layouts/page.hbs', text: '{{date}}' },
    fix: 'Read the message; it names the layout and the failing expression.',
  },
  BrokenLink: {
    severity: 'error',
    summary: '`folio check`: a link points to a page or file of the site that does not exist.',
    example: { file: 'content/pages/publications.md', text: '[my thesis](/files/thesis.pdf)  (but public/files/ has no thesis.pdf)' },
    fix: 'Correct the path, or add the missing page or file. Write site paths from the site root (`/files/thesis.pdf`); Folio adds the base path.',
  },
  BrokenAnchor: {
    severity: 'error',
    summary: '`folio check`: a link to `#name` (on the same page or another one) finds no element with `id="name"`.',
    example: { file: 'content/pages/index.md', text: '[my research](/research/#sharpnes)' },
    fix: 'Use an id that exists on the target page: headings get ids from their text (`## Open problems` becomes `#open-problems`).',
  },
  MissingAsset: {
    severity: 'error',
    summary: '`folio check`: an image, stylesheet, script or other file a page loads is not in the site.',
    example: { file: 'content/pages/index.md', text: '![Group photo](/images/group.jpg)  (but public/images/ has no group.jpg)' },
    fix: 'Put the file in public/ at that path, or correct the path.',
  },
  CaseMismatch: {
    severity: 'error',
    summary: '`folio check`: a link or asset matches a file only if letter case is ignored. It works on macOS and Windows but is missing on GitHub Pages, which is case-sensitive.',
    example: { file: 'content/site.yml', text: 'avatar: /images/Avatar.jpg  (the file is public/images/avatar.jpg)' },
    fix: 'Write the path with exactly the case of the file name, or rename the file.',
  },
  LinkOutsideBasePath: {
    severity: 'error',
    summary: '`folio check`: a link or asset on a site published under a base path (e.g. https://you.github.io/repo/) points outside it, to a page of another site.',
    example: { file: 'templates/layouts/page.hbs', text: '<a href="/publications/">  (without {{url}}, so the /repo base path is missing)' },
    fix: 'In templates, write site paths through `{{url "/publications/"}}`; in content, write them from the site root (`/publications/`) so Folio adds the base path.',
  },
  MalformedUrl: {
    severity: 'error',
    summary: '`folio check`: a URL is malformed (`http//x`, `https://` with no host, spaces, `www.` without `https://`), so browsers treat it as something else or refuse it. External links are not fetched.',
    example: { file: 'content/publications/papers.bib', text: 'code = {https//github.com/ada/rivers}' },
    fix: 'Write the full address: `https://` followed by the host, and encode spaces as `%20`.',
  },
  InvalidHtml: {
    severity: 'error',
    summary: '`folio check`: html-validate finds a page that is not valid HTML (recommended preset), e.g. an unclosed element in raw HTML in markdown.',
    example: { file: 'content/pages/index.md', text: '<div class="note"><p>Unclosed note' },
    fix: 'Read the rule named in the message (its documentation link is the hint) and fix the HTML in the content or template that produced the line.',
  },
  DuplicateId: {
    severity: 'error',
    summary: '`folio check`: two elements on one page have the same `id`, so `#links` and labels go to the first one only.',
    example: { file: 'content/pages/research.md', text: '## Results\n…\n## Results' },
    fix: 'Give each heading or element its own text or id.',
  },
  ImageWithoutAlt: {
    severity: 'error',
    summary: '`folio check`: an image has no `alt` text, so screen readers read its file name instead.',
    example: { file: 'content/pages/index.md', text: '<img src="/images/lab.jpg">' },
    fix: 'Describe the image: `![The lab in 2024](/images/lab.jpg)` or `alt="…"`; write `alt=""` for a purely decorative image.',
  },
  MissingTitle: {
    severity: 'error',
    summary: '`folio check`: a page has no `<title>` (or an empty one), so browser tabs, bookmarks and search results show its address.',
    example: { file: 'templates/layouts/base.hbs', text: '<head><meta charset="utf-8"></head>' },
    fix: 'Give the page a `title:` in its front matter, and keep `<title>` in the base layout.',
  },
  MissingDescription: {
    severity: 'error',
    summary: '`folio check`: a page that search engines may index has no `<meta name="description">`, so they make up a snippet. Pages marked `noindex` (redirects, 404) need none.',
    example: { file: 'content/site.yml', text: 'title: Ada Lovelace  (and no description: line)' },
    fix: 'Add `description:` to content/site.yml (used by every page), or to the page\'s front matter.',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type Code = keyof typeof CATALOGUE;
