import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/content/files.js';
import { ContentError } from '../../src/errors.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('drops a byte-order mark and turns CRLF and CR into LF', () => {
    expect(decodeText(bytes('\uFEFFtitle: A\r\nb: c\rd'), 'x.md')).toBe('title: A\nb: c\nd');
  });

  it('refuses a binary file with a hint to use public/', () => {
    const error = (() => {
      try {
        decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'content/photo.md');
      } catch (e) {
        return e;
      }
    })() as ContentError;
    expect(error).toBeInstanceOf(ContentError);
    expect(error.diagnostic).toMatchObject({ code: 'BinaryFile', file: 'content/photo.md' });
    expect(error.diagnostic.hint).toContain('public/');
  });

  it('names the line of the first byte that is not UTF-8', () => {
    const latin1 = new Uint8Array([...bytes('line one\nline two\nCaf'), 0xe9, ...bytes('\n')]);
    expect(() => decodeText(latin1, 'a.md')).toThrow(ContentError);
    try {
      decodeText(latin1, 'a.md');
    } catch (e) {
      expect((e as ContentError).diagnostic).toMatchObject({ code: 'InvalidEncoding', line: 3, column: 4 });
    }
  });
});
