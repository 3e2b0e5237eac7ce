import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { copyFile, cp, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '../model/publication.js';
import type { OutputFile } from '../render/site.js';

/**
 * Writes the site into a temporary folder beside `outDir` and swaps it in only when every file is
 * written, so a failed or interrupted build leaves the previous site exactly as it was, and files
 * of removed pages disappear. `public/` is copied last, so a page can never overwrite an upload.
 */
export async function writeSite(files: readonly OutputFile[], outDir: string, publicDir: string, attachments: readonly Attachment[] = []): Promise<void> {
  const writer = await SiteWriter.open(outDir);
  try {
    for (const file of files) writer.write(file);
    await writer.finish(publicDir, attachments);
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}

/**
 * The output folder being written: files go into a temporary folder beside it as they come
 * (synchronously: for thousands of small files that is faster than queueing them, and nothing
 * waits on the disk meanwhile), and `finish` swaps it in.
 */
export class SiteWriter {
  readonly #folders = new Set<string>();

  private constructor(private readonly paths: { readonly temp: string; readonly old: string; readonly outDir: string }) {}

  static async open(outDir: string): Promise<SiteWriter> {
    const parent = path.dirname(path.resolve(outDir));
    const name = path.basename(path.resolve(outDir));
    const paths = { temp: path.join(parent, `.folio-tmp-${name}-${process.pid}`), old: path.join(parent, `.folio-old-${name}-${process.pid}`), outDir: path.resolve(outDir) };
    inProgress.add(paths);
    await rm(paths.temp, { recursive: true, force: true });
    await mkdir(paths.temp, { recursive: true });
    return new SiteWriter(paths);
  }

  write(file: OutputFile): void {
    const target = path.join(this.paths.temp, file.path);
    this.#ensureFolder(path.dirname(target));
    writeFileSync(target, file.contents);
  }

  /** Copies the attachments and public/, then swaps the new site in. On failure, call `abandon`. */
  async finish(publicDir: string, attachments: readonly Attachment[] = []): Promise<void> {
    const { temp, old, outDir } = this.paths;
    for (const a of attachments) this.#ensureFolder(path.dirname(path.join(temp, a.to)));
    await inBatches(attachments, 16, (a) => copyFile(a.from, path.join(temp, a.to)));
    await copyPublic(publicDir, temp);
    await swap(temp, outDir, old);
    // The temporary folder is the output folder now: nothing is left to clean up.
    inProgress.delete(this.paths);
  }

  /** Removes the temporary folder; the output folder stays as it was. */
  async abandon(): Promise<void> {
    await rm(this.paths.temp, { recursive: true, force: true });
    inProgress.delete(this.paths);
  }

  #ensureFolder(folder: string): void {
    if (this.#folders.has(folder)) return;
    mkdirSync(folder, { recursive: true });
    this.#folders.add(folder);
  }
}

const inProgress = new Set<{ temp: string; old: string; outDir: string }>();

/**
 * For an interrupted process (Ctrl-C): puts the previous output folder back if the swap was cut
 * half-way, and removes the temporary folders. Synchronous, so it can run in a signal handler
 * right before the process exits.
 */
export function abandonWrites(): void {
  for (const { temp, old, outDir } of inProgress) {
    if (existsSync(old) && !existsSync(outDir)) renameSync(old, outDir);
    rmSync(temp, { recursive: true, force: true });
    if (existsSync(outDir)) rmSync(old, { recursive: true, force: true });
  }
  inProgress.clear();
}

async function copyPublic(publicDir: string, into: string): Promise<void> {
  try {
    await cp(publicDir, into, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

async function swap(temp: string, outDir: string, old: string): Promise<void> {
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
  if (hadOld) await rm(old, { recursive: true, force: true });
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}
