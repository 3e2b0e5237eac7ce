/** What a site path finds among the output files. */
export type Lookup = { readonly found: string } | { readonly differentCase: string } | undefined;

/** The files of the built site, looked up as a case-sensitive static host (GitHub Pages) would. */
export interface FileIndex {
  has(path: string): boolean;
  /** `path` is decoded and below the output folder; `''` or a trailing `/` means the folder's index.html. */
  lookup(path: string): Lookup;
}

export function indexFiles(paths: Iterable<string>): FileIndex {
  const exact = new Set(paths);
  const folded = new Map<string, string>();
  for (const path of exact) if (!folded.has(path.toLowerCase())) folded.set(path.toLowerCase(), path);
  return {
    has: (path) => exact.has(path),
    lookup(path) {
      // `folder` without its slash is redirected to `folder/` by the host, which serves its index.html.
      const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
      const found = candidates.find((c) => exact.has(c));
      if (found) return { found };
      const other = candidates.map((c) => folded.get(c.toLowerCase())).find((c) => c !== undefined);
      return other ? { differentCase: other } : undefined;
    },
  };
}
