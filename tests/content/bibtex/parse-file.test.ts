import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSite } from '../../../bench/generate.js';
import { parseBibtex, parseBibtexFile } from '../../../src/content/bibtex/parse.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Each real file to edit: the example site's papers (with @string macros), the fixtures, a generated one. */
const files = ['content/publications/papers.bib', 'content/publications/theses.bib', 'tests/fixtures/bib/cite.bib', 'tests/fixtures/bib/quirks.bib'].map((f) => path.join(root, f));
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'folio-parse-file-'));
  await generateSite(path.join(scratch, 'content'), 120, 0);
  const dir = path.join(scratch, 'content/publications');
  files.push(...(await readdir(dir)).filter((f) => f.endsWith('.bib')).map((f) => path.join(dir, f)));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** `text` with the title of its `n`th entry changed, as a researcher fixing a typo. */
function retitle(text: string, n: number): string {
  let seen = -1;
  return text.replace(/^(\s*title\s*=\s*[{"])/gim, (match) => (++seen === n ? `${match}Revised: ` : match));
}

/** The example site's papers.bib (with @string macros), as text and as the build before read it. */
async function examplePapers() {
  const file = files[0]!;
  const text = await readFile(file, 'utf8');
  return { file, text, before: await parseBibtexFile(text, file) };
}

describe('parsing a changed .bib file against its earlier version', () => {
  it('reads only the entries that changed, and gives exactly what parsing the whole file gives', async () => {
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const before = await parseBibtexFile(text, file);
      const last = before.entries.length - 1;
      for (const n of [0, last]) {
        const edited = retitle(text, n);
        expect(edited, `${file} #${n}`).not.toBe(text);
        const after = await parseBibtexFile(edited, file, before);
        expect(after.entries, `${file} #${n}`).toEqual(await parseBibtex(edited, file));
        // quirks.bib uses crossref: there every entry is read again.
        expect(after.parsed, `${file} #${n}`).toBe(file.endsWith('quirks.bib') ? before.entries.length : 1);
      }
    }
  });

  it('gives the unchanged entries their new lines when an entry is added above them', async () => {
    const { file, text, before } = await examplePapers();
    const added = text.replace('@inproceedings{kovacevic2019warmup,', '@misc{added2026,\n  title = {A New Note},\n  author = {Kovačević, Ana},\n  year = {2026},\n}\n\n@inproceedings{kovacevic2019warmup,');
    const after = await parseBibtexFile(added, file, before);
    expect(after.parsed).toBe(1);
    expect(after.entries).toEqual(await parseBibtex(added, file));
    expect(after.entries[1]!.line).toBe(before.entries[0]!.line + 6);
  });

  it('reads the whole file again when a @string definition changes', async () => {
    const { file, text, before } = await examplePapers();
    const edited = text.replace('{SIAM Journal on Optimization}', '{SIAM J. Optimization}');
    const after = await parseBibtexFile(edited, file, before);
    expect(after.parsed).toBe(before.entries.length);
    expect(after.entries.find((e) => e.fields.journal?.startsWith('SIAM'))!.fields.journal).toBe('SIAM J. Optimization');
  });

  it('reports a broken edited entry at its line in the file, as a whole parse does', async () => {
    const { file, text, before } = await examplePapers();
    const broken = text.replace('@article{kovacevic2020heavyball,', '@article{kovacevic2020heavyball,\n  title = {Unclosed,');
    const whole = await parseBibtex(broken, file).catch((error: unknown) => error);
    expect(whole).toBeInstanceOf(Error);
    await expect(parseBibtexFile(broken, file, before)).rejects.toMatchObject({ message: (whole as Error).message, diagnostic: { line: (whole as { diagnostic: { line: number } }).diagnostic.line } });
  });
});
