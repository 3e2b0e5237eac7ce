import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread running `module` (given as the URL of its compiled `.js` file beside the
 * caller, e.g. `new URL('./worker.js', import.meta.url)`). Tests and `tsx` run the TypeScript
 * sources, and Node 20 applies no `--import` loader to a worker's own script: such a worker starts
 * from a line of JavaScript that loads the `.ts` file through tsx.
 */
function startWorker(module: URL, workerData: unknown): Worker {
  if (!fromSource(module)) return new Worker(module, { workerData });
  const source = new URL(module.href.replace(/\.js$/, '.ts'));
  const boot = `import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(source.href)}, ${JSON.stringify(source.href)}))`;
  return new Worker(boot, { eval: true, workerData });
}

/** Whether the module beside `module` exists only as TypeScript: this file tells, being next to it in the same tree. */
function fromSource(module: URL): boolean {
  return new URL(import.meta.url).pathname.endsWith('.ts') && module.protocol === 'file:';
}

/** Runs `module` in a worker thread and resolves with the first message it posts, or undefined if it fails or exits first. */
export function runWorker<T>(module: URL, workerData: unknown): Promise<T | undefined> {
  return new Promise((resolve) => {
    const worker = startWorker(module, workerData);
    worker.once('message', (value: T) => resolve(value));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
