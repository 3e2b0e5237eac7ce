// One build in a fresh process, so start-up and peak memory are measured as a user sees them.
// Usage: node bench/build-once.mjs CONTENT OUT CACHE_DIR [ci]. Prints one JSON line: wall milliseconds, the phases and the peak resident set size.
// With `ci`, the build is made as `folio build` makes it in CI: no replaced site kept.
const started = performance.now();
const { build } = await import('../lib/index.js');
const [content, out, cacheDir, mode] = process.argv.slice(2);
// The cache folder is the bench's own, so a cold run never finds entries of an earlier run.
const kept = mode === 'ci' ? { keepReplacedOutput: false } : {};
const result = await build({ content, out, cacheDir, templates: 'templates', public: 'public', ...kept });
const wall = performance.now() - started;
console.log(JSON.stringify({ wall, result: { pages: result.pages, pagesKept: result.pagesKept, publications: result.publications, phases: result.phases, milliseconds: result.milliseconds }, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
