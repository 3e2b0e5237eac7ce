import { hash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '../model/publication.js';
import type { OutputFile } from '../render/site.js';

/**
 * Writes the site into a temporary folder and swaps it in only when every file is written, so a
 * failed or interrupted build leaves the previous site exactly as it was, and files of removed
 * pages disappear. `public/` is copied last, so a page can never overwrite an upload.
 */
export async function writeSite(files: readonly OutputFile[], outDir: string, publicDir: string, attachments: readonly Attachment[] = [], stateDir?: string): Promise<void> {
  const writer = await SiteWriter.open(outDir, stateDir);
  try {
    for (const file of files) writer.write(file);
    await writer.finish(publicDir, attachments);
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}

/**
 * What the writer knows of a file it put in an output tree: its content's digest, and the size,
 * modification time and inode it had then. A file whose stat still matches holds that content,
 * which tells an unchanged file from an edited one without reading it.
 */
type Stamp = readonly [digest: string, size: number, mtimeMs: number, ino: number, pageKey?: string];
type Manifest = Readonly<Record<string, Stamp>>;

/** A stamp no file matches: for a tree no build updates later, and for what is copied as it is (a link). */
const NO_STAMP: Stamp = ['', -1, -1, -1];

/** The two output trees of a `stateDir`: the output folder itself, and the one before it. */
interface OutputState {
  readonly current?: Manifest;
  readonly previous?: Manifest;
}

interface WorkTree {
  /** Where the new site is written, swapped in as `outDir` by `finish`. */
  readonly temp: string;
  readonly outDir: string;
  /** Where the output folder goes during the swap: with a state folder, its kept tree `previous`. */
  readonly old: string;
  /** With a state folder, the replaced site is kept there as the base of the next build's tree. */
  readonly stateDir?: string;
  /** The files `temp` held when the build started (a tree of an earlier build), by path. */
  readonly base: Manifest;
  /** Whether `temp` started empty: then nothing in it can be stale or in the way. */
  readonly fresh: boolean;
  /** What the earlier tree held (`/`-separated paths), to delete what this site no longer has. */
  readonly found: { readonly files: readonly string[]; readonly folders: readonly string[] };
  readonly state: OutputState;
}

/**
 * The output folder being written. Files go into a temporary tree as they come (synchronously:
 * for thousands of small files that is faster than queueing them, and nothing waits on the disk
 * meanwhile), and `finish` swaps it in.
 *
 * With a state folder (in the build cache), the site the swap replaces is not deleted but kept as
 * the next build's temporary tree: that build rewrites only the files whose content changed and
 * deletes those no longer made. On a disk where creating a file and a folder costs 0.3-0.5 ms and
 * deleting an old tree as much again, an unchanged 1,000-paper site then writes nothing at all.
 * Without one (no cache, or a cache on another disk than the output, where folders cannot be
 * renamed across), every build starts from an empty tree.
 */
export class SiteWriter {
  readonly #folders = new Set<string>();
  /** The files of the new site, by path: the manifest of the tree once it is the output folder. */
  readonly #stamps = new Map<string, Stamp>();
  #unchanged = 0;
  #keptPages = 0;

  private constructor(private readonly tree: WorkTree) {}

  static async open(outDir: string, stateDir?: string): Promise<SiteWriter> {
    const resolved = path.resolve(outDir);
    const parent = path.dirname(resolved);
    const name = path.basename(resolved);
    await mkdir(parent, { recursive: true });
    if (stateDir && (await sameDisk(parent, stateDir))) {
      const tree = claimPreviousTree(path.resolve(stateDir), resolved);
      inProgress.add(tree);
      return new SiteWriter(tree);
    }
    const tree = { temp: path.join(parent, `.folio-tmp-${name}-${process.pid}`), old: path.join(parent, `.folio-old-${name}-${process.pid}`), outDir: resolved, base: {}, fresh: true, found: NOTHING_FOUND, state: {} };
    inProgress.add(tree);
    await rm(tree.temp, { recursive: true, force: true });
    await mkdir(tree.temp, { recursive: true });
    return new SiteWriter(tree);
  }

  /** How many files of the site were already in the tree, byte for byte, and were left alone. */
  get unchanged(): number {
    return this.#unchanged;
  }

  /** How many of those were pages found by their page key, and so not even rendered. */
  get keptPages(): number {
    return this.#keptPages;
  }

  /** Whether this tree is kept for the next build: then page keys are worth recording. */
  get incremental(): boolean {
    return this.tree.stateDir !== undefined;
  }

  write(file: OutputFile): void {
    if (!this.incremental) {
      // A tree no build updates later needs no stamps: hashing and stating 2,000 files cost 0.1 s.
      writeFileSync(this.#clear(file.path), file.contents);
      this.#stamps.set(file.path, NO_STAMP);
      return;
    }
    const digest = hash('sha1', file.contents);
    if (this.#keep(file.path, digest, file.key)) return;
    const target = this.#clear(file.path);
    writeFileSync(target, file.contents);
    this.#stamps.set(file.path, stampOf(digest, lstatSync(target), file.key));
  }

  /**
   * Whether the tree holds the page `file` as written with page key `key` (and untouched since):
   * then it stays as it is, and the page need not be rendered.
   */
  unchangedPage(file: string, key: string): boolean {
    const known = this.#baseStamp(file);
    if (known === undefined || known[4] !== key || !this.#keep(file, known[0], key)) return false;
    this.#keptPages++;
    return true;
  }

  /** Copies the attachments and public/, then swaps the new site in. On failure, call `abandon`. */
  async finish(publicDir: string, attachments: readonly Attachment[] = []): Promise<void> {
    for (const a of attachments) this.#copy(a.from, a.to);
    await this.#copyPublic(publicDir);
    this.#removeStale();
    await this.#swap();
    // The temporary folder is the output folder now: nothing is left to clean up.
    inProgress.delete(this.tree);
  }

  /** Puts the temporary tree aside (or removes it); the output folder stays as it was. */
  async abandon(): Promise<void> {
    setAside(this.tree);
    inProgress.delete(this.tree);
  }

  /**
   * Whether the tree already holds `digest` at `file` (and has not been touched since): then it
   * stays, recorded with the page key it now stands for.
   */
  #keep(file: string, digest: string, pageKey?: string): boolean {
    const known = this.#baseStamp(file);
    if (!known || known[0] !== digest) return false;
    const stats = lstatSync(path.join(this.tree.temp, file), { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size !== known[1] || stats.mtimeMs !== known[2] || stats.ino !== known[3]) return false;
    this.#stamps.set(file, stampOf(digest, stats, pageKey));
    this.#unchanged++;
    return true;
  }

  /** What the earlier tree's manifest says of `file`, unless this build has dealt with it already. */
  #baseStamp(file: string): Stamp | undefined {
    return this.#stamps.has(file) ? undefined : this.tree.base[file];
  }

  /** Copies `from` to `to` below the tree, unless the copy there is of this very version of it. */
  #copy(from: string, to: string): void {
    const source = statSync(from);
    // Like make and rsync: a source of the same size and modification time is the same file.
    const digest = `copy ${source.size} ${source.mtimeMs}`;
    if (this.#keep(to, digest)) return;
    const target = this.#clear(to);
    copyFileSync(from, target);
    this.#stamps.set(to, stampOf(digest, lstatSync(target)));
  }

  async #copyPublic(publicDir: string): Promise<void> {
    let entries;
    try {
      entries = readdirSync(publicDir, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const from = path.join(entry.parentPath, entry.name);
      const to = toPosix(path.relative(publicDir, from));
      if (entry.isFile()) this.#copy(from, to);
      else if (!entry.isDirectory()) {
        // A symbolic link (or anything else) is copied as cp always did, never skipped.
        const target = this.#clear(to);
        await cp(from, target, { recursive: true });
        this.#stamps.set(to, NO_STAMP);
      }
    }
  }

  /**
   * The path to write `file` to, its folder made. In an earlier build's tree, whatever is there goes
   * first: a file is never written through, since it may be a link (hard or symbolic) to a file
   * outside the site that was put into dist/ by hand.
   */
  #clear(file: string): string {
    const target = path.join(this.tree.temp, file);
    this.#ensureFolder(path.dirname(target));
    if (!this.tree.fresh) rmSync(target, { recursive: true, force: true });
    return target;
  }

  /** Deletes what an earlier build left in the tree that this site no longer has. */
  #removeStale(): void {
    if (this.tree.fresh) return;
    const folders = new Set<string>();
    for (const file of this.#stamps.keys()) {
      for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) folders.add(file.slice(0, i));
    }
    // A path may have changed kind since (`a` a file then, `a/index.html` now): it is not stale.
    const stale = [...this.tree.found.folders, ...this.tree.found.files].filter((f) => !folders.has(f) && !this.#stamps.has(f)).sort();
    let removed: string | undefined;
    for (const file of stale) {
      if (removed !== undefined && file.startsWith(`${removed}/`)) continue;
      try {
        rmSync(path.join(this.tree.temp, file), { recursive: true, force: true });
      } catch (error) {
        // Its folder is a file of this site now (`y/index.html` then, `y` now): it is gone already.
        if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
      }
      removed = file;
    }
  }

  async #swap(): Promise<void> {
    const { temp, old, outDir, stateDir, state } = this.tree;
    // Another build of the same site, finished meanwhile, may have left its own previous tree.
    await rm(old, { recursive: true, force: true });
    let hadOld = true;
    try {
      await rename(outDir, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      hadOld = false;
    }
    try {
      await rename(temp, outDir);
    } catch (error) {
      if (hadOld) await rename(old, outDir);
      throw error;
    }
    if (!stateDir) {
      if (hadOld) await rm(old, { recursive: true, force: true });
      return;
    }
    const next: OutputState = { current: Object.fromEntries(this.#stamps), ...(hadOld && state.current ? { previous: state.current } : {}) };
    writeState(stateDir, next);
  }

  #ensureFolder(folder: string): void {
    if (this.#folders.has(folder)) return;
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
      // An earlier build had a file where this site has a folder (`a` then, `a/index.html` now).
      removeFileInTheWay(this.tree.temp, folder);
      mkdirSync(folder, { recursive: true });
    }
    this.#folders.add(folder);
  }
}

const inProgress = new Set<WorkTree>();

/**
 * For an interrupted process (Ctrl-C): puts the previous output folder back if the swap was cut
 * half-way, and puts the temporary trees aside. Synchronous, so it can run in a signal handler
 * right before the process exits.
 */
export function abandonWrites(): void {
  for (const tree of inProgress) {
    if (existsSync(tree.old) && !existsSync(tree.outDir)) renameSync(tree.old, tree.outDir);
    setAside(tree);
    if (!tree.stateDir && existsSync(tree.outDir)) rmSync(tree.old, { recursive: true, force: true });
  }
  inProgress.clear();
}

/**
 * Takes the tree kept by the previous build of `outDir` as this build's temporary tree. Renaming
 * it claims it: a second build running at the same time finds none and starts from an empty one.
 */
function claimPreviousTree(stateDir: string, outDir: string): WorkTree {
  mkdirSync(stateDir, { recursive: true });
  removeAbandonedTrees(stateDir);
  removeOrphanedStates(path.dirname(stateDir), stateDir);
  // Which output folder this state is for, so it can go once that folder is gone.
  writeFileSync(path.join(stateDir, OUTPUT_PATH_FILE), outDir);
  const temp = path.join(stateDir, `work-${process.pid}`);
  const previous = path.join(stateDir, 'previous');
  const state = readState(stateDir);
  rmSync(temp, { recursive: true, force: true });
  try {
    renameSync(previous, temp);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(temp);
    return { temp, outDir, old: previous, stateDir, base: {}, fresh: true, found: NOTHING_FOUND, state };
  }
  return { temp, outDir, old: previous, stateDir, base: state.previous ?? {}, fresh: false, found: walkTree(temp), state };
}

const NOTHING_FOUND = { files: [], folders: [] };

/**
 * What a kept tree holds, walked rather than taken from its manifest, since a file put into dist/
 * by hand must go too. A symbolic link (to a folder, maybe outside the site) is removed at once,
 * so no later write can go through it.
 */
function walkTree(root: string): WorkTree['found'] {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    // Entries come from below `root`: slicing is path.relative without its resolving (2,000 files: ~40 ms).
    const file = toPosix(entry.parentPath === root ? entry.name : `${entry.parentPath.slice(root.length + 1)}${path.sep}${entry.name}`);
    if (entry.isDirectory()) folders.push(file);
    else if (entry.isFile()) files.push(file);
    else rmSync(path.join(root, file), { force: true });
  }
  return { files, folders };
}

/** A tree not swapped in: kept as the next build's base when there is a state folder (its stamps still tell what is in it), else removed. */
function setAside(tree: WorkTree): void {
  if (tree.stateDir) {
    if (existsSync(tree.temp) && !existsSync(tree.old)) {
      try {
        renameSync(tree.temp, tree.old);
        // Files written by this build have new stamps, so the base's manifest never vouches for them.
        writeState(tree.stateDir, { ...readState(tree.stateDir), previous: tree.base });
        return;
      } catch {
        // Fall through: the tree is only a time saver.
      }
    }
  }
  rmSync(tree.temp, { recursive: true, force: true });
}

const OUTPUT_PATH_FILE = 'output-path';

/**
 * The state of output folders that no longer exist (a test's temporary folder, an old `--out`):
 * they would never be built again, and each may hold a whole copy of a site.
 */
function removeOrphanedStates(root: string, own: string): void {
  for (const name of readdirSync(root)) {
    const state = path.join(root, name);
    if (state === own) continue;
    let outDir: string;
    try {
      outDir = readFileSync(path.join(state, OUTPUT_PATH_FILE), 'utf8');
    } catch {
      continue;
    }
    if (!existsSync(outDir) && !readdirSync(state).some((entry) => /^work-\d+$/.test(entry))) rmSync(state, { recursive: true, force: true });
  }
}

/** Work trees of builds killed outright (no Ctrl-C handler ran): their process is gone. */
function removeAbandonedTrees(stateDir: string): void {
  for (const name of readdirSync(stateDir)) {
    const pid = /^work-(\d+)$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isRunning(Number(pid))) rmSync(path.join(stateDir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readState(stateDir: string): OutputState {
  try {
    const data = JSON.parse(readFileSync(path.join(stateDir, 'manifest.json'), 'utf8')) as OutputState;
    return typeof data === 'object' && data !== null ? data : {};
  } catch {
    // Missing or broken: no file of the kept tree is trusted, so every one is written again.
    return {};
  }
}

function writeState(stateDir: string, state: OutputState): void {
  const file = path.join(stateDir, 'manifest.json');
  writeFileSync(`${file}.${process.pid}`, JSON.stringify(state));
  renameSync(`${file}.${process.pid}`, file);
}

async function sameDisk(parent: string, stateDir: string): Promise<boolean> {
  await mkdir(stateDir, { recursive: true });
  return statSync(parent).dev === statSync(stateDir).dev;
}

function stampOf(digest: string, stats: Stats, pageKey?: string): Stamp {
  return pageKey === undefined ? [digest, stats.size, stats.mtimeMs, stats.ino] : [digest, stats.size, stats.mtimeMs, stats.ino, pageKey];
}

/** Deletes the file standing where a folder of `folder`'s path must be. */
function removeFileInTheWay(root: string, folder: string): void {
  const parts = path.relative(root, folder).split(path.sep);
  for (let i = 1; i <= parts.length; i++) {
    const ancestor = path.join(root, ...parts.slice(0, i));
    const stats = lstatSync(ancestor, { throwIfNoEntry: false });
    if (!stats) return;
    if (!stats.isDirectory()) {
      unlinkSync(ancestor);
      return;
    }
  }
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
