#!/usr/bin/env node
// The installed command: a thin shell over the compiled library (npm's `prepare` runs tsc into lib/).
import { main } from '../lib/cli/main.js';

const colour = Boolean(process.stdout.isTTY) && !process.env.CI && !process.env.NO_COLOR;
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  colour,
});
