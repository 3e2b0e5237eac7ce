import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleInBrowser, type ExampleInBrowser } from './browser.js';

describe('publication filters with JavaScript', () => {
  let example: ExampleInBrowser;
  beforeAll(async () => {
    example = await exampleInBrowser();
  });
  afterAll(() => example?.close());

  it('filter the full list in place, keep the address shareable, and go back', async () => {
    const page = await example.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${example.server.url}publications/`, { waitUntil: 'networkidle' });
    const visible = () => page.locator('.pub:visible').count();
    const total = await visible();
    expect(total).toBe(16);

    // The static filter page lists exactly the papers the in-place filter must show.
    const $ = await example.site.html('publications/type/journal/index.html');
    const journals = $('.pub').map((_, li) => $(li).attr('id')).get();
    expect(journals.length).toBeGreaterThan(0);

    await page.locator('a[data-filter="type-journal"]').click();
    expect(new URL(page.url()).pathname).toBe('/publications/');
    expect(new URL(page.url()).searchParams.get('filter')).toBe('type-journal');
    expect(await page.locator('.pub:visible').evaluateAll((lis) => lis.map((li) => li.id))).toEqual(journals);
    expect(await page.locator('a[data-filter="type-journal"]').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('.filter-status').textContent()).toBe(`Showing ${journals.length} of ${total}: Journal articles.`);
    // A group left empty is hidden with its heading.
    for (const group of await page.locator('.pub-group').all()) {
      if (await group.isVisible()) expect(await group.locator('.pub:visible').count()).toBeGreaterThan(0);
    }

    // The table of contents links only years still shown.
    const years = await page.locator('.pub-group:visible h2').allTextContents();
    expect(await page.locator('.toc li:visible a').allTextContents()).toEqual(years);

    await page.goBack();
    expect(await visible()).toBe(total);
    await page.goto(`${example.server.url}publications/?filter=type-journal`, { waitUntil: 'networkidle' });
    expect(await visible()).toBe(journals.length);
    // Relative links still work after filtering: the path never changed.
    await page.locator('a[data-filter=""]').click();
    expect(await visible()).toBe(total);
    expect(errors).toEqual([]);
    await page.close();
  });
});
