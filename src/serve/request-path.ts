/** Where a request points inside the site, or why it points nowhere. */
export type RequestPath =
  /** `path` is relative to the site root ('' for the root itself); `directory` when the URL ended in `/`. */
  | { readonly kind: 'site'; readonly path: string; readonly directory: boolean }
  /** A well-formed path that is not below the site's base path. */
  | { readonly kind: 'outside' }
  /** A path that tries to leave the site or cannot be a file name: never looked up. */
  | { readonly kind: 'forbidden' };

/**
 * Turns the path of a request URL (`/repo/papers/`, no query) into a path inside the site.
 * Each segment is decoded on its own, so `%2e%2e` and `..%2f` are judged as what they mean: a
 * segment that is `.` or `..`, or holds a slash, a backslash or a NUL after decoding, is forbidden,
 * as are empty segments (`//etc/passwd`) and anything not starting with `/` (`http://…`, `*`).
 * Only the result's `path` is ever looked up, and only in the site's own file list.
 */
export function requestPathOf(pathname: string, basePath: string): RequestPath {
  if (!pathname.startsWith('/')) return { kind: 'forbidden' };
  const segments = decodeSegments(pathname.slice(1));
  if (!segments) return { kind: 'forbidden' };
  const directory = segments[segments.length - 1] === '';
  if (directory) segments.pop();
  if (segments.some((s) => s === '')) return { kind: 'forbidden' };
  const base = decodeSegments(basePath.replace(/^\/+|\/+$/g, ''))?.filter(Boolean) ?? [];
  if (segments.length < base.length || base.some((b, i) => segments[i] !== b)) return { kind: 'outside' };
  return { kind: 'site', path: segments.slice(base.length).join('/'), directory };
}

function decodeSegments(path: string): string[] | undefined {
  const decoded: string[] = [];
  for (const raw of path.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined; // malformed percent-encoding
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    decoded.push(segment);
  }
  return decoded;
}
