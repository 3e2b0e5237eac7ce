import type { ParsedPage } from './parse.js';

/** The names `#fragment` links can reach on a page: every `id`, and `name` of `<a>` (older markdown). */
export function anchorTargets(page: ParsedPage): Set<string> {
  const targets = new Set<string>();
  for (const element of page.elements) {
    const id = element.attrs.get('id');
    if (id) targets.add(id);
    const name = element.tag === 'a' ? element.attrs.get('name') : undefined;
    if (name) targets.add(name);
  }
  return targets;
}

/** Whether `#fragment` scrolls to something on a page with these targets, as the HTML standard defines it. */
export function reachesAnchor(fragment: string, targets: ReadonlySet<string>): boolean {
  // `#` and `#top` go to the top of any page; `#:~:text=` is a text fragment, not an id.
  if (fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:')) return true;
  if (targets.has(fragment)) return true;
  try {
    return targets.has(decodeURIComponent(fragment));
  } catch {
    return false;
  }
}
