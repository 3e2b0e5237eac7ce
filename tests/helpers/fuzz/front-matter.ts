import fc from 'fast-check';
import { phrase } from './text.js';
import { date, sitePath, wild } from './yaml.js';

const LAYOUTS = ['page', 'home', 'single', 'archive', 'splash', 'default', 'publications', 'talks', 'talk', 'cv', 'news', '404', 'redirect', 'base', 'paper', 'paeg'];

/** Front-matter values for every field a page knows, each present or not. */
export const pageFields = fc.record(
  {
    title: wild(phrase),
    permalink: wild(sitePath),
    layout: wild(fc.oneof({ weight: 3, arbitrary: fc.constant('page') }, { weight: 1, arbitrary: fc.constantFrom(...LAYOUTS) })),
    redirect_from: wild(fc.oneof(sitePath, fc.array(sitePath, { maxLength: 2 }))),
    excerpt: wild(phrase),
    description: wild(phrase),
    classes: wild(fc.oneof(phrase, fc.array(phrase, { maxLength: 2 }))),
    author_profile: wild(fc.boolean()),
    date: wild(date),
    nav_order: wild(fc.integer({ min: -3, max: 5 })),
    nav_title: wild(phrase),
  },
  { requiredKeys: ['title'] },
);

const talkLink = wild(fc.oneof({ weight: 12, arbitrary: fc.constantFrom('https://example.org/slides.pdf', '/files/talk.pdf', '"><img src=x onerror=alert(1)>', 'https://x.org/"><script>alert(1)</script>') }, { weight: 1, arbitrary: fc.constantFrom('javascript:alert(1)', ' javascript:alert(1)') }));

/** A talk's front matter: Folio's `deliveries` list, or academicpages' `venue`, `date`… fields. */
export const talkFields = fc.record(
  {
    title: wild(phrase),
    deliveries: wild(fc.array(fc.record({ event: wild(phrase), host: wild(phrase), kind: wild(phrase), duration: wild(phrase), location: wild(phrase), date: wild(date), url: talkLink }, { requiredKeys: ['event'] }), { maxLength: 3 })),
    venue: wild(phrase),
    talk_type: wild(phrase),
    location: wild(phrase),
    date: wild(date),
    venueurl: talkLink,
    slides: talkLink,
    slidesurl: talkLink,
    video: talkLink,
    code: talkLink,
  },
  { requiredKeys: ['title'] },
);

/** A news item's front matter. */
export const newsFields = fc.record({ date: wild(date), title: wild(phrase) }, { requiredKeys: ['date'] });
