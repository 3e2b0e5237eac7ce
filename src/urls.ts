/**
 * Whether a URL from content data may become a live link: http, https and mailto, or a path inside
 * the site. Everything else (`javascript:`, `data:`, `vbscript:`…) is refused.
 */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and leading spaces in a scheme, so must we.
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (!scheme) return true;
  return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
}

/** Whether `url` points inside the site (a path), rather than at another host or scheme. */
export function isSitePath(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//');
}

/** Splits `https://host/base/` into origin `https://host` and base path `/base`. */
export function splitBaseUrl(url: string): { origin: string; basePath: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return { origin: parsed.origin, basePath: normaliseBasePath(parsed.pathname) };
}

/** `/repo/` and `repo` become `/repo`; `/` and `` become ``. */
export function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}
