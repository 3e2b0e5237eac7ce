import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../helpers/build-fixture.js';
import { launchChromium, serveStatic } from './browser.js';
import { listPages } from './site-pages.js';

// Every page of the example site: no axe WCAG 2.1 A/AA violation in light and in dark, no sideways
// scrolling on a 360 px phone, no console error, no request to any other host. One browser and one
// tab for all of it, and one navigation per page: axe runs once in light at desktop width and once
// in dark at phone width, so each colour scheme and each layout is checked on every page.
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };

const site = await buildFixture('content', { baseUrl: 'http://127.0.0.1/' });
const pages = await listPages(site);

/** axe's violations as one line per rule, with the elements it found: enough to go and fix them. */
async function axeViolations(page: Page, label: string): Promise<string[]> {
  // Legacy mode runs axe.run() in the page itself, instead of collecting partial results from each
  // frame and finishing in a new blank tab: half the time, and the default is for cross-origin
  // iframes, which Folio's pages do not have. options() replaces every option, so it comes first.
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_21_AA)
    .analyze();
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => {
      const why = n.any[0]?.message ?? n.failureSummary?.split('\n')[1]?.trim() ?? '';
      return `${n.target.join(' ')}${why ? ` (${why})` : ''}`;
    });
    const more = v.nodes.length > 5 ? ` …and ${v.nodes.length - 5} more` : '';
    return `${label}: ${v.id} — ${v.help}: ${nodes.join('; ')}${more}`;
  });
}

/** The widest elements that stick out past the right edge of the viewport, if the page scrolls sideways. */
function horizontalOverflow(page: Page, label: string): Promise<string[]> {
  return page.evaluate((label) => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const describe = (el: Element) =>
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= root.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
    return [`${label}: scrolls sideways (scrollWidth ${root.scrollWidth} > ${root.clientWidth}): ${culprits.join('; ')}`];
  }, label);
}

describe('every page of the example site in Chromium', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[] = [];
  let external: string[] = [];

  beforeAll(async () => {
    server = await serveStatic(site.out);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: DESKTOP });
    // Every request goes through here: one for another host is recorded and never sent.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).hostname === '127.0.0.1') return route.continue();
      external.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site.cleanup();
  });

  it('finds the pages to check', () => {
    expect(pages).toContain('');
    expect(pages).toContain('404.html');
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)('/%s: no WCAG 2.1 AA violation, no sideways scroll at 360 px, no console error, no outside request', async (path) => {
    errors = [];
    external = [];
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: 'light' });
    const response = await page.goto(server.url + path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // Open every <details> (abstracts, BibTeX) so what they hide is checked too.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const problems = await axeViolations(page, 'light 1280px');
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: 'dark' });
    problems.push(...(await horizontalOverflow(page, '360px')));
    problems.push(...(await axeViolations(page, 'dark 360px')));
    problems.push(...errors, ...external.map((url) => `request to another host: ${url}`));
    expect(problems, `/${path}`).toEqual([]);
  });
});
