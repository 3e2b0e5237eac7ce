import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleInBrowser, type ExampleInBrowser } from './browser.js';

describe('the example home page in Chromium', () => {
  let example: ExampleInBrowser;
  beforeAll(async () => {
    example = await exampleInBrowser();
  });
  afterAll(() => example?.close());

  it.each(['light', 'dark'] as const)('loads in %s mode with no console error and no request leaving 127.0.0.1', async (colorScheme) => {
    const page = await example.browser.newPage({ colorScheme, viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const response = await page.goto(example.server.url, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').first().textContent()).toBeTruthy();
    // The stylesheet loaded and applied: the body is not in the browser's default serif font.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe('"Times New Roman"');
    expect(errors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
    expect(requests.length).toBeGreaterThan(1);
    await page.close();
  });
});
