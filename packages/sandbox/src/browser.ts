/**
 * @vtt/sandbox/browser: the same host in a browser page, with module Web
 * Workers instead of worker threads. Tested in real Chromium by
 * browser-host.test.ts (see docs/modules/sandbox.md).
 */
import { VttError } from '@vtt/core';
import { createPooledSandboxHost } from './sandbox-host.js';
import type { SandboxHost, SandboxHostOptions } from './types.js';
import type { WorkerResponse } from './protocol.js';
import type { SpawnWorker, WorkerTransport } from './worker-transport.js';
import type { WebWorkerInit, WebWorkerReady } from './web-worker-entry.js';

/**
 * Starts a sandbox host in the browser: compiles QuickJS from `wasmUrl`
 * (serve `@jitl/quickjs-wasmfile-release-sync/wasm` as `application/wasm`)
 * once, and starts `options.workers` module Web Workers from
 * `web-worker-entry.js` next to this file (bundlers such as Vite follow the
 * `new Worker(new URL(...))` pattern).
 *
 * @returns the host, once every worker has loaded and taken the QuickJS module.
 * @throws when the wasm cannot be fetched or compiled, or a worker cannot
 * start (entry not served, blocked by a Content-Security-Policy...).
 * @example
 * const host = await createBrowserSandboxHost({ wasmUrl: '/assets/quickjs.wasm' });
 */
export async function createBrowserSandboxHost(
  options: SandboxHostOptions & { readonly wasmUrl: string | URL },
): Promise<SandboxHost> {
  const wasmModule = await WebAssembly.compileStreaming(fetch(options.wasmUrl));
  let startups: Promise<void>[] | undefined = [];
  const spawn: SpawnWorker = (context) => {
    // A worker of the first start that cannot start fails this function, which closes the
    // host: it is not reported to its slot, which would start another one in its place.
    const initial = startups !== undefined;
    const { transport, started } = spawnWebWorker(context.wasmModule, initial);
    if (startups) startups.push(started);
    else started.catch(() => undefined);
    return transport;
  };
  const host = createPooledSandboxHost({ ...options, spawn, wasmModule });
  const initial = startups;
  startups = undefined;
  try {
    await Promise.all(initial);
  } catch (error) {
    // Without this, a worker that cannot load would be replaced, fail, and be replaced again.
    await host.close();
    throw error;
  }
  return host;
}

/**
 * Starts one module Web Worker; `started` settles when it answers the init
 * message. A failure before that is reported to the slot (which replaces the
 * worker) unless `initial`: then only `started` rejects.
 */
function spawnWebWorker(
  wasmModule: WebAssembly.Module,
  initial: boolean,
): {
  transport: WorkerTransport;
  started: Promise<void>;
} {
  const url = new URL('./web-worker-entry.js', import.meta.url);
  const worker = new Worker(url, { type: 'module' });
  let terminated = false;
  let ready = false;
  let onStart: { resolve(): void; reject(error: Error): void } | undefined;
  const started = new Promise<void>((resolve, reject) => {
    onStart = { resolve, reject };
  });
  worker.postMessage({ wasmModule } satisfies WebWorkerInit);
  const transport: WorkerTransport = {
    post: (request) => worker.postMessage(request),
    listen({ message, failure }) {
      worker.onmessage = (event: MessageEvent<WorkerResponse | WebWorkerReady>) => {
        const data = event.data;
        if (data.type !== 'ready') message(data);
        else if (!ready) {
          ready = true;
          onStart?.resolve();
        }
      };
      // A script that fails to load gives a plain Event, without `message`.
      worker.onerror = (event: Event) => {
        const reason =
          event instanceof ErrorEvent
            ? event.message
            : `the sandbox Web Worker ${url.href} failed to load: serve web-worker-entry.js next to the sandbox bundle, as JavaScript, and allow it in the page's Content-Security-Policy (worker-src)`;
        if (!ready) onStart?.reject(new VttError('VTT_ERR_SANDBOX_START_FAILED', { reason }));
        if (!terminated && (ready || !initial)) failure(reason);
      };
    },
    terminate() {
      terminated = true;
      worker.terminate();
      if (!ready) {
        const reason = 'the sandbox Web Worker was stopped while starting';
        onStart?.reject(new VttError('VTT_ERR_SANDBOX_START_FAILED', { reason }));
      }
    },
  };
  return { transport, started };
}
