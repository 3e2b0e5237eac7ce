import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` aside and renames it into place, making its folder first: a build stopped half-way
 * never leaves half a file, and a reader finds the old file or the new one whole.
 */
export async function replaceFile(file: string, contents: string | Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}
