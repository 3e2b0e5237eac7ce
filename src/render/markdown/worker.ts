// A worker thread of renderInParallel: renders its share of the markdown and posts the HTML back.
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderState } from '../helpers/context.js';
import { renderEach } from './parallel.js';

export interface WorkerInput {
  readonly sources: readonly string[];
  readonly allowScripts: boolean;
  readonly state: RenderState;
}

const { sources, allowScripts, state } = workerData as WorkerInput;
parentPort!.postMessage(renderEach(sources, allowScripts, state));
