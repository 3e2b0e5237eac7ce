import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/check/parse.js';

describe('parsePage', () => {
  it('keeps the line and column of each element and attribute', () => {
    const page = parsePage('x.html', '<!DOCTYPE html>\n<p>\n  <img\n    alt="A"\n    src="a.png">\n</p>');
    const img = page.elements.find((e) => e.tag === 'img')!;
    expect({ line: img.line, column: img.column }).toEqual({ line: 3, column: 3 });
    expect(img.at('src')).toEqual({ line: 5, column: 5 });
    expect(img.at('width')).toEqual({ line: 3, column: 3 });
  });

  it('implies <head> and <body> as browsers do, placing them at their parent', () => {
    const page = parsePage('r.html', '<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Redirecting…</title><h1>Moved</h1></html>');
    expect(page.elements.map((e) => e.tag)).toEqual(['html', 'head', 'meta', 'title', 'body', 'h1']);
    expect(page.elements.find((e) => e.tag === 'head')).toMatchObject({ line: 1, column: 16 });
    expect(page.title).toBe('Redirecting…');
  });

  it('collapses the whitespace of the title, and leaves it undefined without one', () => {
    expect(parsePage('a.html', '<title>\n  Talks ·\n  Ada </title>').title).toBe('Talks · Ada');
    expect(parsePage('a.html', '<title> </title>').title).toBe('');
    expect(parsePage('a.html', '<p>x</p>').title).toBeUndefined();
  });

  it('keeps the first of a repeated attribute, as browsers do, and looks inside <template>', () => {
    const page = parsePage('a.html', '<p id="one" id="two"></p><template><img src="t.png"></template>');
    expect(page.elements.find((e) => e.tag === 'p')!.attrs.get('id')).toBe('one');
    expect(page.elements.some((e) => e.tag === 'img')).toBe(true);
  });
});
