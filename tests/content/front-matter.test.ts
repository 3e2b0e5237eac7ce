import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/content/front-matter.js';
import { ContentError } from '../../src/errors.js';

describe('parseFrontMatter', () => {
  it('reads the YAML map and the body, with the line the body starts on', () => {
    const page = parseFrontMatter('---\ntitle: "About Me"\ndate: 2025-11-03\nredirect_from:\n  - /about/\n---\n\nHello', 'a.md');
    expect(page.data).toEqual({ title: 'About Me', date: '2025-11-03', redirect_from: ['/about/'] });
    expect(page.body.trim()).toBe('Hello');
    expect(page.bodyLine).toBe(7);
    expect(page.lineOf(['redirect_from'])).toBe(4);
    expect(page.lineOf(['redirect_from', 0])).toBe(5);
  });

  it('keeps dates as written, whatever the time zone', () => {
    expect(parseFrontMatter('---\ndate: 2025-01-01\n---\n', 'a.md').data.date).toBe('2025-01-01');
  });

  it.each([
    ['tab indentation', '---\ntitle: A\nauthor:\n\tname: B\n---\n', 4],
    ['an unclosed quote', '---\ntitle: "About\nlayout: page\n---\n', 2],
  ])('reports %s with the file line', (_, text, line) => {
    try {
      parseFrontMatter(text, 'p.md');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      expect((e as ContentError).diagnostic).toMatchObject({ code: 'InvalidFrontMatter', file: 'p.md', line });
    }
  });

  it.each([
    ['an alias without its anchor', '---\ntitle: x\nauthor: *nobody\n---\n', 3, 9],
    ['front matter in another language', '---js\n({ title: "x" })\n---\n', 1, 4],
    ['front matter in a language gray-matter does not know', '---toml\ntitle = "x"\n---\n', 1, 4],
  ])('reports %s with the file line and column', (_, text, line, column) => {
    try {
      parseFrontMatter(text, 'p.md');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ContentError);
      expect((e as ContentError).diagnostic).toMatchObject({ code: 'InvalidFrontMatter', file: 'p.md', line, column });
    }
  });

  it('never runs `---js` front matter', () => {
    const g = globalThis as { folioRan?: boolean };
    expect(() => parseFrontMatter('---javascript\n(globalThis.folioRan = true, {})\n---\n', 'p.md')).toThrow(ContentError);
    expect(g.folioRan).toBeUndefined();
  });

  it.each(['---yaml', '---YAML', '--- ', '---json'])('reads front matter opened with `%s` as YAML (JSON is YAML too), lines as in the file', (open) => {
    const page = parseFrontMatter(`${open}\n{"title": "x",\n "date": "2025"}\n---\n\nHello`, 'a.md');
    expect(page.data).toEqual({ title: 'x', date: '2025' });
    expect(page.lineOf(['date'])).toBe(3);
    expect(page.bodyLine).toBe(5);
  });

  it('accepts a file without front matter', () => {
    expect(parseFrontMatter('# Just text\n', 'a.md')).toMatchObject({ data: {}, body: '# Just text\n' });
  });
});
