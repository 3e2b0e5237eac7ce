// `npm run screenshots`: PNGs of every page kind at phone and desktop widths, light and dark, for
// review by eye (written to screenshots/, never committed). Builds the example site first.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { buildFixture } from '../helpers/build-fixture.js';
import { launchChromium, serveStatic } from './browser.js';

const PAGES: Record<string, string> = {
  home: '',
  publications: 'publications/',
  talks: 'talks/',
  talk: 'talks/rivers-and-valleys/',
  cv: 'cv/',
  news: 'news/',
  page: 'teaching/',
  '404': '404.html',
};
const only = process.argv.slice(2);
const out = path.resolve('screenshots');
await mkdir(out, { recursive: true });
const site = await buildFixture(process.env.FOLIO_CONTENT ?? 'content');
const server = await serveStatic(site.out);
const browser = await launchChromium();
try {
  for (const [name, url] of Object.entries(PAGES)) {
    if (only.length && !only.includes(name)) continue;
    for (const width of [390, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        await page.goto(server.url + url, { waitUntil: 'networkidle' });
        const file = path.join(out, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        console.log(`${file}${overflow > 0 ? `  (overflows by ${overflow}px)` : ''}`);
        await page.close();
      }
    }
  }
  if (!only.length || only.includes('print')) {
    const page = await browser.newPage();
    await page.goto(`${server.url}cv/`, { waitUntil: 'networkidle' });
    await page.pdf({ path: path.join(out, 'cv-print.pdf'), format: 'A4' });
    console.log(path.join(out, 'cv-print.pdf'));
  }
} finally {
  await browser.close();
  await server.close();
  await site.cleanup();
}
