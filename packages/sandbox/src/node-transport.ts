import { Worker } from 'node:worker_threads';
import type { WorkerResponse } from './protocol.js';
import type { SpawnWorker, WorkerTransport } from './worker-transport.js';

/**
 * Starts a sandbox worker thread. From built JS it runs
 * `node-worker-entry.js` next to this file. From TypeScript source (vitest,
 * `node --import tsx`) it runs `dev-worker-bootstrap.mjs`, which registers
 * tsx inside the worker and imports `node-worker-entry.ts`, with the
 * `@vtt/source` condition so workspace packages resolve to source too.
 *
 * @example
 * const transport = spawnNodeWorker({ wasmModule });
 */
export const spawnNodeWorker: SpawnWorker = ({ wasmModule }) => {
  const fromSource = import.meta.url.endsWith('.ts');
  const worker = fromSource
    ? new Worker(new URL('./dev-worker-bootstrap.mjs', import.meta.url), {
        workerData: { wasmModule, entry: new URL('./node-worker-entry.ts', import.meta.url).href },
        execArgv: ['--conditions=@vtt/source'],
      })
    : new Worker(new URL('./node-worker-entry.js', import.meta.url), {
        workerData: { wasmModule },
      });
  let terminated = false;
  const transport: WorkerTransport = {
    post: (request) => worker.postMessage(request),
    listen({ message, failure }) {
      worker.on('message', (response: WorkerResponse) => message(response));
      worker.on('error', (error) => {
        if (!terminated) failure(String(error));
      });
      worker.on('exit', (code) => {
        if (!terminated) failure(`the worker exited with code ${code}`);
      });
    },
    terminate() {
      terminated = true;
      void worker.terminate();
    },
  };
  return transport;
};
