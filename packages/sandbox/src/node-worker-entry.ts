/**
 * Entry of a Node sandbox worker thread: feeds the host's requests to a
 * QuickJS runner. The compiled QuickJS WebAssembly module arrives in
 * `workerData`, so the worker is ready as soon as it starts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest } from './protocol.js';
import { createQuickJsRunner } from './quickjs-runner.js';

const port = parentPort;
if (port === null) throw new Error('node-worker-entry must run in a worker thread');
const runner = createQuickJsRunner({
  wasmModule: (workerData as { wasmModule: WebAssembly.Module }).wasmModule,
});
port.on('message', (request: WorkerRequest) => {
  void runner.handle(request).then((response) => port.postMessage(response));
});
