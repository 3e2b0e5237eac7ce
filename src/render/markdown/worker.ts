// A worker thread of renderInParallel: renders its share of the markdown and posts the HTML back.
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderState } from '../helpers/context.js';
import { siteUrl } from '../helpers/url.js';
import { createMarkdownRenderer } from './index.js';

export interface WorkerInput {
  readonly sources: readonly string[];
  readonly allowScripts: boolean;
  readonly state: RenderState;
}

const { sources, allowScripts, state } = workerData as WorkerInput;
const render = createMarkdownRenderer({ allowScripts });
const toSite = (path: string) => siteUrl(path, state);
// A document that fails is sent back as null: the build renders it again on its own thread,
// where the failure is reported with the page it belongs to.
parentPort!.postMessage(
  sources.map((source) => {
    try {
      return render(source, toSite);
    } catch {
      return null;
    }
  }),
);
