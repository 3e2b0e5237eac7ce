import { access } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../errors.js';
import type { Command } from '../command.js';

export const cvPdfCommand: Command = {
  summary: 'print <out>/cv/index.html to <out>/cv.pdf with headless Chromium (build first)',
  async run({ values, io }) {
    const out = typeof values.out === 'string' ? values.out : 'dist';
    const html = path.join(out, 'cv', 'index.html');
    const pdf = path.join(out, 'cv.pdf');
    try {
      await access(html);
    } catch {
      throw new UsageError(`There is no ${html} to print. Run \`folio build\` first (the site needs content/cv.yml).`);
    }
    const { findChromium, printPdf } = await import('../../output/print-pdf.js');
    const chromium = await findChromium();
    if (!chromium) {
      io.stderr(
        [
          'folio cv-pdf needs Chromium (or Google Chrome), and none was found.',
          '  Debian/Ubuntu:  sudo apt-get install chromium',
          '  macOS:          install Google Chrome',
          '  Or set CHROMIUM_PATH to the browser\'s executable.',
        ].join('\n'),
      );
      return 2;
    }
    try {
      await printPdf(chromium, html, pdf);
    } catch (error) {
      io.stderr(`Printing ${html} failed: ${(error as Error).message}`);
      return 1;
    }
    io.stdout(`Printed ${html} to ${pdf}. Link it from your profile with \`links: {cv: /cv.pdf}\` in site.yml.`);
    return 0;
  },
};
