import { spawn } from 'node:child_process';
import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Names Chromium goes by on Debian, Ubuntu, GitHub's runners and macOS. */
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** The Chromium to print with: `CHROMIUM_PATH`, else the first candidate on PATH; undefined when none. */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES.flatMap((name) => (path.isAbsolute(name) ? [name] : dirs.map((d) => path.join(d, name))));
  for (const file of candidates) {
    try {
      await access(file, constants.X_OK);
      if ((await stat(file)).isFile()) return file;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/**
 * Prints an HTML file to PDF with headless Chromium, using the page's print stylesheet (its @page
 * size and margins), without the browser's header and footer.
 */
export function printPdf(chromium: string, html: string, pdf: string): Promise<void> {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--no-pdf-header-footer', `--print-to-pdf=${path.resolve(pdf)}`, pathToFileURL(path.resolve(html)).href];
  return new Promise((resolve, reject) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Chromium exited with code ${code}: ${stderr.trim().split('\n').slice(-3).join('\n')}`))));
  });
}
