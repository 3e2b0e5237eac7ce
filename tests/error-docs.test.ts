import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderErrorDocs } from '../src/error-docs.js';
import { ROOT } from './helpers/build-fixture.js';

describe('docs/errors.md', () => {
  it('is what the catalogue generates (run `npm run docs:errors` after changing it)', () => {
    expect(readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8')).toBe(renderErrorDocs());
  });
});
