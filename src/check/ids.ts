import type { Diagnostic } from '../errors.js';
import type { ParsedPage, Place } from './parse.js';
import { problem } from './problem.js';

/** Every `id` used a second time on a page: `#links` and `aria-labelledby` reach only the first. */
export function checkDuplicateIds(page: ParsedPage): Diagnostic[] {
  const first = new Map<string, Place>();
  const found: Diagnostic[] = [];
  for (const element of page.elements) {
    const id = element.attrs.get('id');
    if (!id) continue;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, element.at('id'));
      continue;
    }
    found.push(problem('DuplicateId', page.path, element.at('id'), `The id "${id}" is already used on line ${earlier.line}.`, 'Give each element its own id; two headings with the same text get the same id, so reword one.'));
  }
  return found;
}
