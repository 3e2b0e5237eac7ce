import { describe, expect, it } from 'vitest';
import type { TalkSource } from '../../src/content/talks.js';
import { DiagnosticBag } from '../../src/errors.js';
import { arrangeTalks } from '../../src/model/talks.js';

const talk = (file: string, title: string, date: string, extra: Partial<TalkSource> = {}): TalkSource => ({
  file,
  slug: file.replace(/\.md$/, ''),
  title,
  deliveries: [{ event: `Event of ${file}`, date }],
  speakers: [],
  body: '',
  ...extra,
});

describe('arrangeTalks', () => {
  it('merges academicpages files of the same title into one talk with every delivery, newest first', () => {
    const bag = new DiagnosticBag();
    const talks = arrangeTalks(
      [
        talk('2024-03-mit.md', 'Through the River', '2024-03-01', { body: 'The abstract.', slides: '/files/river.pdf' }),
        talk('2024-05-eth.md', 'Through the river', '2024-05-02'),
        talk('2025-01-kaist.md', 'Through the Rivér!', '2025-01-10', { video: 'https://video.example.org/river' }),
        talk('2023-09-other.md', 'Tiny Subspaces', '2023-09-09'),
      ],
      bag,
    );
    expect(talks.map((t) => [t.title, t.url, t.deliveries.map((d) => d.date)])).toEqual([
      ['Through the River', '/talks/2024-03-mit/', ['2025-01-10', '2024-05-02', '2024-03-01']],
      ['Tiny Subspaces', '/talks/2023-09-other/', ['2023-09-09']],
    ]);
    expect(talks[0]).toMatchObject({ body: 'The abstract.', slides: '/files/river.pdf', video: 'https://video.example.org/river', latest: '2025-01-10' });
    expect(bag.list(false)).toEqual([]);
  });

  it('warns when merged files carry different abstracts', () => {
    const bag = new DiagnosticBag();
    arrangeTalks([talk('a.md', 'Same', '2024-01-01', { body: 'One.' }), talk('b.md', 'Same', '2024-02-01', { body: 'Two.' })], bag);
    expect(bag.list(false)).toMatchObject([{ code: 'TalkMerged', severity: 'warning', file: 'b.md' }]);
  });
});
