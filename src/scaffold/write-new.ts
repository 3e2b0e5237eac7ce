import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileExists } from './errors.js';

/** A file to create: its path (relative to the folder it is written into) and its text. */
export interface NewFile {
  readonly path: string;
  readonly contents: string;
}

/**
 * Writes a file that must not exist yet. The existence check is the write itself (`wx`), so a file
 * created by someone else in between is still never overwritten.
 */
export async function writeNewFile(file: string, contents: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    await writeFile(file, contents, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExists(file);
    throw error;
  }
}
