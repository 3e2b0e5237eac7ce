import type { Diagnostic } from '../errors.js';
import type { ParsedPage } from './parse.js';
import { problem } from './problem.js';

/** Every `<img>` with no `alt` at all; `alt=""` is the right mark for a decorative image and passes. */
export function checkImageAlt(page: ParsedPage): Diagnostic[] {
  return page.elements
    .filter((element) => element.tag === 'img' && !element.attrs.has('alt'))
    .map((element) => {
      const src = element.attrs.get('src');
      return problem('ImageWithoutAlt', page.path, element, `The image${src ? ` ${src}` : ''} has no alt text, so screen readers read out its file name.`, 'Describe it: `![What it shows](/images/x.jpg)` in markdown or `alt="…"` in HTML; `alt=""` marks a decorative image.');
    });
}
