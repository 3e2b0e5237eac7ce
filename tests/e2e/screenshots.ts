// `npm run screenshots [name…]`: PNGs of every page kind at phone and desktop widths, light and
// dark, for review by eye, and the CV printed as `folio cv-pdf` prints it, its pages as PNGs when
// poppler's pdftoppm is installed. Written to screenshots/ (gitignored). Builds the example site first.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { findChromium, printPdf } from '../../src/output/print-pdf.js';
import { buildFixture } from '../helpers/build-fixture.js';
import { launchChromium, serveStatic } from './browser.js';

/** One page of each kind, chosen for the most to look at: long author lists, badges, every link. */
const PAGES: Record<string, string> = {
  home: '',
  publications: 'publications/',
  'publications-filter': 'publications/topic/adaptive-methods/',
  paper: 'publications/kovacevic2023rivers/',
  'paper-many-authors': 'publications/rossi2025optstab/',
  talks: 'talks/',
  talk: 'talks/rivers-and-valleys/',
  cv: 'cv/',
  news: 'news/',
  teaching: 'teaching/',
  projects: 'projects/',
  project: 'projects/optstab/',
  people: 'people/',
  person: 'people/lena-hofer/',
  page: 'research/',
  '404': '404.html',
};
const WIDTHS = [390, 1280];

const only = process.argv.slice(2);
const wanted = (name: string) => !only.length || only.includes(name);
const out = path.resolve('screenshots');
await mkdir(out, { recursive: true });
const site = await buildFixture(process.env.FOLIO_CONTENT ?? 'content');
const server = await serveStatic(site.out);
const browser = await launchChromium();
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    for (const [name, url] of Object.entries(PAGES)) {
      if (!wanted(name)) continue;
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(server.url + url, { waitUntil: 'networkidle' });
        const file = path.join(out, `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        console.log(`${file}${overflow > 0 ? `  (overflows by ${overflow}px)` : ''}`);
      }
    }
    await context.close();
  }
  if (wanted('print')) await printCv();
} finally {
  await browser.close();
  await server.close();
  await site.cleanup();
}

/** The CV as `folio cv-pdf` prints it, then each page as a PNG for the file viewer. */
async function printCv(): Promise<void> {
  const chromium = await findChromium();
  if (!chromium) return console.log('No Chromium to print the CV with (set CHROMIUM_PATH).');
  const pdf = path.join(out, 'cv-print.pdf');
  await printPdf(chromium, path.join(site.out, 'cv', 'index.html'), pdf);
  console.log(pdf);
  // Pages left from a longer CV would look like part of this one.
  for (const old of (await readdir(out)).filter((f) => /^cv-print-\d+\.png$/.test(f))) await rm(path.join(out, old));
  const prefix = path.join(out, 'cv-print');
  const pdftoppm = spawnSync('pdftoppm', ['-png', '-r', '80', pdf, prefix], { stdio: 'inherit' });
  if (pdftoppm.error) console.log('Install poppler-utils (pdftoppm) to get the printed pages as PNGs.');
  else console.log(`${prefix}-N.png`);
}
