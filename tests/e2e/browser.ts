import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';
import { buildFixture, type BuiltSite } from '../helpers/build-fixture.js';

/** Debian's Chromium, started the way this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Serves `dir` on 127.0.0.1 at a free port, under `basePath` (e.g. `/repo`). */
export async function serveStatic(dir: string, basePath = ''): Promise<{ url: string; close: () => Promise<void> }> {
  const files = sirv(dir, { dev: true, etag: false });
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith(`${basePath}/`)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    req.url = req.url.slice(basePath.length) || '/';
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${basePath}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The example site in content/, built, served on 127.0.0.1 and open to a Chromium. */
export interface ExampleInBrowser {
  readonly site: BuiltSite;
  readonly server: Awaited<ReturnType<typeof serveStatic>>;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function exampleInBrowser(): Promise<ExampleInBrowser> {
  const site = await buildFixture('content', { baseUrl: 'http://127.0.0.1/' });
  const [server, browser] = await Promise.all([serveStatic(site.out), launchChromium()]);
  return {
    site,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await site.cleanup();
    },
  };
}
