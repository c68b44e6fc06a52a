/**
 * Entry of a browser sandbox Web Worker (module worker). The first message
 * carries the compiled QuickJS WebAssembly module and is answered with
 * {@link WebWorkerReady}; every later one is a {@link WorkerRequest} for the
 * same runner the Node worker uses. Tested in Chromium by browser-host.test.ts.
 */
import type { WorkerRequest } from './protocol.js';
import { createQuickJsRunner, type QuickJsRunner } from './quickjs-runner.js';

/** The first message the host sends: the QuickJS module it compiled once for all workers. */
export interface WebWorkerInit {
  readonly wasmModule: WebAssembly.Module;
}

/** The worker's answer to {@link WebWorkerInit}: it loaded and can take requests. */
export interface WebWorkerReady {
  readonly type: 'ready';
}

let runner: QuickJsRunner | undefined;
self.onmessage = (event: MessageEvent<WorkerRequest | WebWorkerInit>) => {
  const data = event.data;
  if ('wasmModule' in data) {
    runner = createQuickJsRunner({ wasmModule: data.wasmModule });
    self.postMessage({ type: 'ready' } satisfies WebWorkerReady);
    return;
  }
  void runner?.handle(data).then((response) => self.postMessage(response));
};
