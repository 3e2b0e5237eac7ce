import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceFile } from '../../src/output/replace-file.js';

describe('replaceFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-replace-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('makes the folders, replaces what was there, and leaves no temporary file', async () => {
    const file = path.join(dir, 'a/b/cache.json');
    await replaceFile(file, '{"first": 1}\n');
    await replaceFile(file, ['{"second": ', '2}\n']);
    expect(await readFile(file, 'utf8')).toBe('{"second": 2}\n');
    expect(await readdir(path.dirname(file))).toEqual(['cache.json']);
  });

  it('leaves the old file whole when the new contents fail half-way', async () => {
    const file = path.join(dir, 'cache.json');
    await writeFile(file, 'old');
    function* failing(): Generator<string> {
      yield 'new, half';
      throw new Error('stopped');
    }
    await expect(replaceFile(file, failing())).rejects.toThrow('stopped');
    expect(await readFile(file, 'utf8')).toBe('old');
  });
});
