import type { BuiltSite } from '../helpers/build-fixture.js';

/** A redirect stub (redirect_from) is a bare page that leaves at once: nothing to check in it. */
export function isRedirectStub(html: string): boolean {
  return /<meta http-equiv="refresh"/i.test(html);
}

/**
 * Every HTML page of a built site, as the URL path a browser asks for (`publications/`,
 * `404.html`), redirect stubs left out, in the build's sorted order.
 */
export async function listPages(site: BuiltSite): Promise<string[]> {
  const pages: string[] = [];
  for (const file of site.files) {
    if (!file.endsWith('.html') || isRedirectStub(await site.text(file))) continue;
    pages.push(file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file);
  }
  return pages;
}
