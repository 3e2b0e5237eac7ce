import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch } from 'chokidar';

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs (default 10 ms): one save is often several events, all within a few ms. */
  readonly debounceMs?: number;
  /** Longest a steady stream of changes may postpone `onChange` (default 300 ms). */
  readonly maxWaitMs?: number;
  /** The watcher failed, e.g. out of inotify watches; it keeps watching what it can. */
  readonly onError?: (error: Error) => void;
}

/** Stops watching and drops any change not yet reported. */
export type StopWatching = () => Promise<void>;

/**
 * Calls `onChange` with the files changed below `dirs` (absolute paths), once per burst of changes;
 * resolves once every folder is being watched. A folder that does not exist is skipped.
 *
 * chokidar, not Node's recursive fs.watch: on Linux, Node 20 emulates `recursive` by watching each
 * file's inode, so after one atomic save (write a temporary file, rename it over the page: vim,
 * JetBrains, Emacs, `sed -i`) every later change to that page went unseen. chokidar watches the
 * folders too and re-watches a replaced file.
 */
export async function watchFolders(dirs: readonly string[], onChange: (files: readonly string[]) => void, options: WatchOptions = {}): Promise<StopWatching> {
  const { debounceMs = 10, maxWaitMs = 300 } = options;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstAt = 0;
  const flush = () => {
    timer = undefined;
    const files = [...changed];
    changed.clear();
    onChange(files);
  };
  const noticed = (file: string) => {
    if (changed.size === 0) firstAt = performance.now();
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, maxWaitMs - (performance.now() - firstAt))));
  };
  const existing = [...new Set(dirs.map((d) => path.resolve(d)))].filter((d) => existsSync(d));
  if (existing.length === 0) return async () => undefined;
  const watcher = watch(existing, { ignoreInitial: true, ignored: isScratchFile });
  watcher.on('all', (_event, file) => noticed(file));
  watcher.on('error', (error) => options.onError?.(error as Error));
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return async () => {
    clearTimeout(timer);
    changed.clear();
    await watcher.close();
  };
}

/** Editors' swap, backup and lock files, and version control: saving a page touches them, but they are not the page. */
export function isScratchFile(file: string): boolean {
  const name = path.basename(file);
  return /~$|\.sw[a-px]$|^\.#|^#.*#$|^4913$|^\.DS_Store$/.test(name) || file.split(path.sep).some((part) => part === '.git' || part === 'node_modules');
}
