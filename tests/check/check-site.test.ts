import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/check/index.js';
import { AT_ROOT } from './fixture.js';

const page = (body: string, head = '<title>T</title><meta name="description" content="D">') =>
  `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${head}\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;

describe('checkSite', () => {
  it('runs every check and sorts the problems by file, line and column', async () => {
    const found = await checkSite(
      {
        paths: ['index.html', 'b/index.html', 'a.html'],
        pages: [
          { path: 'index.html', html: page('<p><a href="b/#x">b</a> <img src="a.png" width="1" height="1"></p>\n<p id="d">1</p><p id="d">2</p>') },
          { path: 'b/index.html', html: page('<p><a href="https//x.org">x</a></p>', '<title> </title>') },
          { path: 'a.html', html: page('<p>Stray end tag</span></p>', '<title>A</title>') },
        ],
      },
      AT_ROOT,
    );
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      'a.html:3:1 MissingDescription',
      'a.html:9:18 InvalidHtml',
      'b/index.html:3:1 MissingDescription',
      'b/index.html:5:1 MissingTitle',
      'b/index.html:9:7 MalformedUrl',
      'index.html:9:7 BrokenAnchor',
      'index.html:9:25 ImageWithoutAlt',
      'index.html:9:30 MissingAsset',
      'index.html:10:19 DuplicateId',
    ]);
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('finds nothing in an empty site', async () => {
    expect(await checkSite({ paths: [], pages: [] }, AT_ROOT)).toEqual([]);
  });
});
