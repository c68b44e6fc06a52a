/**
 * @vtt/sandbox/browser: the same host in a browser page, with Web Workers
 * instead of worker threads. Untested so far (see docs/modules/sandbox.md).
 */
import { createPooledSandboxHost } from './sandbox-host.js';
import type { SandboxHost, SandboxHostOptions } from './types.js';
import type { WorkerResponse } from './protocol.js';
import type { SpawnWorker } from './worker-transport.js';

/**
 * Starts a sandbox host in the browser: compiles QuickJS from `wasmUrl`
 * (serve `@jitl/quickjs-wasmfile-release-sync/wasm`) and starts
 * `options.workers` module Web Workers.
 *
 * @returns the host, ready for `createInstance`.
 * @example
 * const host = await createBrowserSandboxHost({ wasmUrl: '/assets/quickjs.wasm' });
 */
export async function createBrowserSandboxHost(
  options: SandboxHostOptions & { readonly wasmUrl: string | URL },
): Promise<SandboxHost> {
  const wasmModule = await WebAssembly.compileStreaming(fetch(options.wasmUrl));
  const spawn: SpawnWorker = (context) => {
    const worker = new Worker(new URL('./web-worker-entry.js', import.meta.url), {
      type: 'module',
    });
    worker.postMessage({ wasmModule: context.wasmModule });
    let terminated = false;
    return {
      post: (request) => worker.postMessage(request),
      listen({ message, failure }) {
        worker.onmessage = (event: MessageEvent<WorkerResponse>) => message(event.data);
        worker.onerror = (event) => {
          if (!terminated) failure(event.message);
        };
      },
      terminate() {
        terminated = true;
        worker.terminate();
      },
    };
  };
  return createPooledSandboxHost({ ...options, spawn, wasmModule });
}
