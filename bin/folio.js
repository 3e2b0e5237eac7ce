#!/usr/bin/env node
// The installed command: a thin shell over the compiled library (npm's `prepare` runs tsc into lib/).
import { main } from '../lib/cli/main.js';
import { abandonWrites } from '../lib/output/write.js';

// Ctrl-C during a build: leave the previous output folder as it was and no temporary folder behind.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.once(signal, () => {
    abandonWrites();
    process.stderr.write('\nInterrupted; the output folder was left as it was.\n');
    process.exit(code);
  });
}

const terminal = Boolean(process.stderr.isTTY) && !process.env.CI;
const colour = Boolean(process.stdout.isTTY) && !process.env.CI && !process.env.NO_COLOR;
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  colour,
  // A terminal gets one progress line rewritten in place; CI logs get plain lines only.
  ...(terminal ? { status: (text) => process.stderr.write(`\r${text}\u001b[K`) } : {}),
});
