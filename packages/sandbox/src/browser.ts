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

/** Options of {@link createBrowserSandboxHost}. */
export interface BrowserSandboxHostOptions extends SandboxHostOptions {
  /** QuickJS's `.wasm` (`@jitl/quickjs-wasmfile-release-sync/wasm`), served as `application/wasm`. */
  readonly wasmUrl: string | URL;
  /**
   * The module Web Workers' script (`web-worker-entry.js`, bundled); default:
   * next to this file. On another origin than the page's (a page embedding
   * a server's bundle), the worker starts from a `blob:` script that imports
   * it, so that origin must serve it, and the wasm, with CORS, and the page's
   * Content-Security-Policy must allow `worker-src blob:`.
   */
  readonly workerUrl?: string | URL;
}

/**
 * Starts a sandbox host in the browser: compiles QuickJS from `wasmUrl`
 * (serve `@jitl/quickjs-wasmfile-release-sync/wasm` as `application/wasm`)
 * once, and starts `options.workers` module Web Workers from `workerUrl`
 * (default `web-worker-entry.js` next to this file; bundlers such as Vite
 * follow the `new Worker(new URL(...))` pattern).
 *
 * @returns the host, once every worker has loaded and taken the QuickJS module.
 * @throws when the wasm cannot be fetched or compiled, or a worker cannot
 * start (entry not served, blocked by a Content-Security-Policy...).
 * @example
 * const host = await createBrowserSandboxHost({ wasmUrl: '/assets/quickjs.wasm' });
 */
export async function createBrowserSandboxHost(
  options: BrowserSandboxHostOptions,
): Promise<SandboxHost> {
  const workerUrl = new URL(
    options.workerUrl ?? new URL('./web-worker-entry.js', import.meta.url),
    globalThis.location?.href,
  );
  const wasmModule = await WebAssembly.compileStreaming(fetch(options.wasmUrl));
  let startups: Promise<void>[] | undefined = [];
  const spawn: SpawnWorker = (context) => {
    // A worker of the first start that cannot start fails this function, which closes the
    // host: it is not reported to its slot, which would start another one in its place.
    const initial = startups !== undefined;
    const { transport, started } = spawnWebWorker(workerUrl, context.wasmModule, initial);
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
 * A module worker running `url`. A page may not start a worker from another
 * origin's script, but a worker of its own (a `blob:` script) may import it
 * when that origin allows it (CORS).
 */
function startWorker(url: URL): Worker {
  const page = globalThis.location?.origin;
  if (page !== undefined && page !== 'null' && url.origin === page) {
    return new Worker(url, { type: 'module' });
  }
  const shim = new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' });
  return new Worker(URL.createObjectURL(shim), { type: 'module' });
}

/**
 * Starts one module Web Worker; `started` settles when it answers the init
 * message. A failure before that is reported to the slot (which replaces the
 * worker) unless `initial`: then only `started` rejects.
 */
function spawnWebWorker(
  url: URL,
  wasmModule: WebAssembly.Module,
  initial: boolean,
): {
  transport: WorkerTransport;
  started: Promise<void>;
} {
  const worker = startWorker(url);
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
            : `the sandbox Web Worker ${url.href} failed to load: serve web-worker-entry.js next to the sandbox bundle (or at workerUrl), as JavaScript, with CORS when it is on another origin, and allow it in the page's Content-Security-Policy (worker-src, and blob: for another origin)`;
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
