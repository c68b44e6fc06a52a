/**
 * Entry of a browser sandbox Web Worker (module worker). The first message
 * carries the compiled QuickJS WebAssembly module; every later one is a
 * {@link WorkerRequest} for the same runner the Node worker uses.
 * Not exercised by the test suite yet (no browser run in CI for this package).
 */
import type { WorkerRequest } from './protocol.js';
import { createQuickJsRunner, type QuickJsRunner } from './quickjs-runner.js';

let runner: QuickJsRunner | undefined;
self.onmessage = (event: MessageEvent<WorkerRequest | { wasmModule: WebAssembly.Module }>) => {
  const data = event.data;
  if ('wasmModule' in data) {
    runner = createQuickJsRunner({ wasmModule: data.wasmModule });
    return;
  }
  void runner?.handle(data).then((response) => self.postMessage(response));
};
