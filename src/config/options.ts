import path from 'node:path';

/** What a caller of build() may set; every folder defaults to its name under `cwd`. */
export interface BuildOptions {
  /** Folder the other defaults are relative to (default: process.cwd()). */
  readonly cwd?: string;
  /** Content folder (default `content`). */
  readonly content?: string;
  /** Templates folder (default `templates`). */
  readonly templates?: string;
  /** Files copied as they are (default `public`). */
  readonly public?: string;
  /** Output folder (default `dist`). */
  readonly out?: string;
  /** Absolute URL the site is published at, base path included; overrides site.yml's `url`. */
  readonly baseUrl?: string;
  /** Treat every warning as an error (default false). */
  readonly strict?: boolean;
  /**
   * Where rendered markdown and formatted citations are kept between builds, keyed by a hash of
   * their source (default `node_modules/.cache/folio`); `false` turns the cache off.
   */
  readonly cacheDir?: string | false;
  /**
   * Keep the site a build replaces in the cache, for the next build to update in place (default
   * true). A throwaway output folder (folio check) is never built again: it sets false.
   */
  readonly keepReplacedOutput?: boolean;
  /** Called as pages render, so a terminal can show progress on a long build. */
  readonly onProgress?: (progress: BuildProgress) => void;
}

export interface BuildProgress {
  readonly phase: 'render';
  readonly done: number;
  readonly total: number;
}

export interface ResolvedOptions {
  readonly contentDir: string;
  readonly templatesDir: string;
  readonly publicDir: string;
  readonly outDir: string;
  readonly baseUrl?: string;
  readonly strict: boolean;
  readonly cacheDir?: string;
}

/** Fills in the defaults; paths stay relative to `cwd` when given relative, so messages stay short. */
export function resolveOptions(options: BuildOptions = {}): ResolvedOptions {
  const cwd = options.cwd ?? process.cwd();
  const dir = (value: string | undefined, fallback: string) => {
    const chosen = value ?? fallback;
    return options.cwd && !path.isAbsolute(chosen) ? path.join(cwd, chosen) : chosen;
  };
  return {
    contentDir: dir(options.content, 'content'),
    templatesDir: dir(options.templates, 'templates'),
    publicDir: dir(options.public, 'public'),
    outDir: dir(options.out, 'dist'),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    strict: options.strict ?? false,
    ...(options.cacheDir === false ? {} : { cacheDir: dir(options.cacheDir, path.join('node_modules', '.cache', 'folio')) }),
  };
}
