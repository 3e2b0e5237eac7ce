import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templatesOf } from '../../src/render/template-cache.js';
import { ROOT } from '../helpers/build-fixture.js';

describe('compiled templates between builds', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'folio-templates-'));
    await cp(path.join(ROOT, 'templates'), dir, { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('are reused while no layout or partial changes, and compiled again after an edit', async () => {
    const first = await templatesOf(dir);
    expect(await templatesOf(dir, first)).toBe(first);
    await writeFile(path.join(dir, 'partials/footer-extra.hbs'), '<p>Extra</p>');
    const second = await templatesOf(dir, first);
    expect(second).not.toBe(first);
    expect(second.templates.env.partials['footer-extra']).toBeDefined();
    await writeFile(path.join(dir, 'layouts/page.hbs'), '<main>{{{page.content}}}</main>');
    const third = await templatesOf(dir, second);
    expect(third).not.toBe(second);
    expect(third.templates.layouts.get('page')!({ page: { content: '<p>x</p>' } })).toBe('<main><p>x</p></main>');
  });
});
