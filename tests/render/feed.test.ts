import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, type BuiltSite } from '../helpers/build-fixture.js';

describe('feed.xml', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildFixture('content', { baseUrl: 'https://user.github.io/repo/' });
  });
  afterAll(() => site.cleanup());

  it('is an Atom feed of every news item, newest first, with absolute URLs under the base path', async () => {
    const $ = load(await site.text('feed.xml'), { xml: true });
    expect($('feed').attr('xmlns')).toBe('http://www.w3.org/2005/Atom');
    expect($('feed > link[rel="self"]').attr('href')).toBe('https://user.github.io/repo/feed.xml');
    const entries = $('entry');
    expect(entries.length).toBe((await site.html('news/index.html'))('.news-item').length);
    const dates = entries.map((_, e) => $(e).find('updated').text()).get();
    expect(dates).toEqual([...dates].sort().reverse());
    expect($('feed > updated').text()).toBe(dates[0]);
    entries.each((_, e) => {
      expect($(e).find('id').text()).toMatch(/^https:\/\/user\.github\.io\/repo\/news\/#news-/);
      expect($(e).find('title').text().length).toBeGreaterThan(0);
      const html = load($(e).find('content').text());
      html('a[href], img[src]').each((_, el) => {
        const url = html(el).attr('href') ?? html(el).attr('src')!;
        expect(url, 'feed readers cannot resolve relative links').toMatch(/^(https?:|mailto:)/);
      });
    });
  });

  it('is announced in every page head', async () => {
    const $ = await site.html('publications/index.html');
    expect($('link[rel="alternate"][type="application/atom+xml"]').attr('href')).toBe('../feed.xml');
  });

  it('links each entry to an element that exists on /news/', async () => {
    const $ = load(await site.text('feed.xml'), { xml: true });
    const page = await site.html('news/index.html');
    for (const id of $('entry > id').map((_, e) => $(e).text().split('#')[1]).get()) {
      expect(page(`#${id}`), id).toHaveLength(1);
    }
  });
});
