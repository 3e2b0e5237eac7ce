/**
 * Mistakes that make a URL mean something other than what was typed, found without fetching it
 * (`folio check` never goes to the network). Each pattern is a typo seen in real homepages.
 */
const MISTAKES: readonly (readonly [RegExp, string])[] = [
  [/^https?\/\//i, 'the `:` after http(s) is missing, so browsers treat it as a path inside the site'],
  [/^https?:(?!\/\/)/i, 'it needs two slashes after `http(s):`'],
  [/^https?:\/\/(?:[/?#]|$)/i, 'it has no host name after `://`'],
  [/^https?:\/\/https?:?\/\//i, 'it repeats `http(s)://`'],
  [/^www\./i, 'it starts with `www.` but not `https://`, so browsers treat it as a path inside the site'],
  [/^mailto:(?![^?]*@)/i, 'it has no e-mail address after `mailto:`'],
];

/** Why the (trimmed) URL is malformed, or undefined when it looks fine. */
export function malformedReason(url: string): string | undefined {
  for (const [pattern, reason] of MISTAKES) if (pattern.test(url)) return reason;
  const absolute = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url);
  // Inside the site a space still finds the file; in another site's address it is a typo.
  if (absolute && /\s/.test(url)) return 'it contains a space; write `%20` or remove it';
  return undefined;
}
