import { existsSync, renameSync, rmSync } from 'node:fs';
import { copyFile, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '../model/publication.js';
import type { OutputFile } from '../render/site.js';

/**
 * Writes the site into a temporary folder beside `outDir` and swaps it in only when every file is
 * written, so a failed or interrupted build leaves the previous site exactly as it was, and files
 * of removed pages disappear. `public/` is copied last, so a page can never overwrite an upload.
 */
export async function writeSite(files: readonly OutputFile[], outDir: string, publicDir: string, attachments: readonly Attachment[] = []): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(path.resolve(outDir));
  const temp = path.join(parent, `.folio-tmp-${name}-${process.pid}`);
  const old = path.join(parent, `.folio-old-${name}-${process.pid}`);
  const write = { temp, old, outDir: path.resolve(outDir) };
  inProgress.add(write);
  await rm(temp, { recursive: true, force: true });
  try {
    await mkdir(temp, { recursive: true });
    const dirs = new Set([...files.map((f) => f.path), ...attachments.map((a) => a.to)].map((p) => path.dirname(path.join(temp, p))));
    for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
    await inBatches(files, 64, (f) => writeFile(path.join(temp, f.path), f.contents));
    await inBatches(attachments, 16, (a) => copyFile(a.from, path.join(temp, a.to)));
    await copyPublic(publicDir, temp);
    await swap(temp, path.resolve(outDir), old);
  } finally {
    await rm(temp, { recursive: true, force: true });
    inProgress.delete(write);
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
