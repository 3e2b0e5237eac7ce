// @ts-check
// The script of an engine image (see images.ts). Run as `node engine-image.cjs SPEC IMAGE`, it makes
// the image: it runs itself with `--build-snapshot` into a temporary file and renames that into
// place, so a build can leave the work to it and exit. Under --build-snapshot it starts a citeproc
// engine for each style of the site and leaves them in the V8 heap that Node saves as the image; a
// process started from the image (`node --snapshot-blob IMAGE`) has the engines ready at once and
// formats the entries it is sent on stdin. A script for --build-snapshot may require Node's own modules only, so citeproc
// (a single self-contained file) is read and run by hand.
'use strict';
const { readFileSync } = require('node:fs');
const v8 = require('node:v8');

if (v8.startupSnapshot.isBuildingSnapshot()) buildEngine();
else makeImage(String(process.argv[2]), String(process.argv[3]));

/**
 * Runs this script under --build-snapshot, then puts the image in place of every other image of
 * the folder (the site's styles, or Folio, changed). The spec file is the build's to give and this
 * script's to delete.
 * @param {string} spec
 * @param {string} image
 */
function makeImage(spec, image) {
  const { spawnSync } = require('node:child_process');
  const { readdirSync, renameSync, rmSync } = require('node:fs');
  const path = require('node:path');
  const temp = `${image}.${process.pid}.tmp`;
  const made = spawnSync(process.execPath, ['--snapshot-blob', temp, '--build-snapshot', __filename, spec], { stdio: 'ignore' });
  rmSync(spec, { force: true });
  try {
    if (made.status !== 0) return;
    const dir = path.dirname(image);
    renameSync(temp, image);
    for (const old of readdirSync(dir)) if (old.endsWith('.v8') && old !== path.basename(image)) rmSync(path.join(dir, old), { force: true });
  } finally {
    rmSync(temp, { force: true });
  }
}

function buildEngine() {
  /** @type {{ citeproc: string, locales: string, styles: { hash: string, xml: string, label: string }[] }} */
  const spec = JSON.parse(readFileSync(String(process.argv[2]), 'utf8'));
  const citeprocModule = { exports: {} };
  new Function('module', 'exports', readFileSync(spec.citeproc, 'utf8'))(citeprocModule, citeprocModule.exports);
  /** @type {any} */
  const CSL = citeprocModule.exports;
  /** @type {Record<string, unknown>} */
  const locales = JSON.parse(readFileSync(spec.locales, 'utf8'));

  /** @type {Record<string, unknown>} */
  let items = {};
  // The same engine, locale lookup and settings as plugin-csl's prepareEngine, which engine.ts uses
  // in-process: an entry formatted from an image is the entry formatted without one.
  const system = {
    retrieveLocale: (/** @type {string} */ locale) => locales[locale] ?? locales[locale.replace('-', '_')] ?? {},
    retrieveItem: (/** @type {string} */ id) => {
      if (Object.prototype.hasOwnProperty.call(items, id)) return items[id];
      throw new Error(`Cannot find entry with id '${id}'`);
    },
  };
  /** @type {Map<string, { engine: any, xml: string, label: string }>} */
  const engines = new Map(spec.styles.map((style) => [style.hash, { engine: new CSL.Engine(system, style.xml, 'en-US', true), xml: style.xml, label: style.label }]));

  /**
   * One entry alone as a bibliography: its raw HTML, null when the style leaves it out, or why it
   * failed. Mirrors engine.ts (startEngine's render).
   * @param {{ engine: any, xml: string, label: string }} style
   * @param {{ id: string }} item
   */
  function formatAlone(style, item) {
    const { engine, label } = style;
    try {
      items = { [item.id]: item };
      engine.updateItems([]);
      engine.setOutputFormat('html');
      engine.opt.development_extensions.wrap_url_and_doi = false;
      engine.updateItems([item.id], true);
      const bibliography = engine.makeBibliography();
      if (!bibliography) throw new Error(`The citation style ${label} has no bibliography to format entries with.`);
      const [{ entry_ids: ids }, entries] = bibliography;
      const at = ids.findIndex((/** @type {string[]} */ id) => id[0] === item.id);
      return { raw: at === -1 ? null : entries[at] };
    } catch (error) {
      // An engine citeproc failed in cannot format any other entry (see startEngine): a new one takes over.
      style.engine = new CSL.Engine(system, style.xml, 'en-US', true);
      return { error: error instanceof Error ? error.message : String(error) };
    } finally {
      items = {};
    }
  }

  v8.startupSnapshot.setDeserializeMainFunction(() => {
    // Loaded: then one request a line ({ style: its hash, items }), one answer a line, in order.
    process.stdout.write(`ready ${JSON.stringify([...engines.keys()])}\n`);
    require('node:readline')
      .createInterface({ input: process.stdin, crlfDelay: Infinity })
      .on('line', (/** @type {string} */ line) => {
        const request = /** @type {{ style: string, items: { id: string }[] }} */ (JSON.parse(line));
        const style = engines.get(request.style);
        process.stdout.write(`${JSON.stringify(style ? request.items.map((item) => formatAlone(style, item)) : { error: `This image has no engine for the style ${request.style}.` })}\n`);
      });
  });
}
