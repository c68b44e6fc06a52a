import { Worker } from 'node:worker_threads';
import type { WorkerResponse } from './protocol.js';
import type { SpawnWorker, WorkerTransport } from './worker-transport.js';

/**
 * Stack of a sandbox worker thread, in MiB (Node's default is 4). QuickJS
 * checks `stackBytes` against its WebAssembly shadow stack, but its parser
 * recurses mostly on the native stack: with 4 MiB, about 2,500 nested
 * brackets exhaust it before QuickJS's own check (at 256 KiB) fires. With
 * 16 MiB the check fires first, so deep nesting is a plain stack-overflow
 * error that keeps the instance's state. (Where the native stack still runs
 * out, e.g. in a browser's Web Worker, the instance is reset instead.)
 */
const WORKER_STACK_MB = 16;

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
export const spawnNodeWorker: SpawnWorker = (context) => nodeWorkerSpawner()(context);

/**
 * {@link spawnNodeWorker} with another thread stack size (in MiB, default
 * {@link WORKER_STACK_MB}); tests use a small one to get the native stack
 * overflow a browser's Web Worker gives.
 *
 * @example
 * const host = createPooledSandboxHost({ spawn: nodeWorkerSpawner({ stackSizeMb: 4 }), wasmModule });
 */
export function nodeWorkerSpawner(options: { readonly stackSizeMb?: number } = {}): SpawnWorker {
  const stackSizeMb = options.stackSizeMb ?? WORKER_STACK_MB;
  return ({ wasmModule }) => spawn(wasmModule, stackSizeMb);
}

function spawn(wasmModule: WebAssembly.Module, stackSizeMb: number): WorkerTransport {
  const fromSource = import.meta.url.endsWith('.ts');
  const worker = fromSource
    ? new Worker(new URL('./dev-worker-bootstrap.mjs', import.meta.url), {
        workerData: { wasmModule, entry: new URL('./node-worker-entry.ts', import.meta.url).href },
        execArgv: ['--conditions=@vtt/source'],
        resourceLimits: { stackSizeMb },
      })
    : new Worker(new URL('./node-worker-entry.js', import.meta.url), {
        workerData: { wasmModule },
        resourceLimits: { stackSizeMb },
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
}
