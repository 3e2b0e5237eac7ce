import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/build-fixture.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), colour: false }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('folio serve (command line)', () => {
  let taken: Server;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('is listed in the help with its flags', async () => {
    const { out } = await run(['--help']);
    expect(out).toContain('folio serve [options]');
    expect(out).toMatch(/--port N .*default 4000/);
    expect(out).toMatch(/--host .*127\.0\.0\.1/);
  });

  it.each([['abc'], ['-1'], ['65536'], ['80.5'], ['']])('exits 2 on --port %j', async (port) => {
    const { code, err } = await run(['serve', `--port=${port}`]);
    expect(code).toBe(2);
    expect(err).toContain('--port');
  });

  it('exits 2, naming the port, when the port is taken', async () => {
    const port = (taken.address() as { port: number }).port;
    const { code, err } = await run(['serve', '--port', String(port), '--quiet', '--content', path.join(ROOT, 'tests/fixtures/check/content-clean'), '--templates', path.join(ROOT, 'templates'), '--public', path.join(ROOT, 'public')]);
    expect(code).toBe(2);
    expect(err).toContain(`Port ${port} is in use`);
  });
});
