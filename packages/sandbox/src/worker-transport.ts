import type { WorkerRequest, WorkerResponse } from './protocol.js';

/**
 * The host's view of one worker, the same for a Node worker thread and a
 * browser Web Worker. The host pool, watchdog and quarantine are written
 * against this interface only.
 */
export interface WorkerTransport {
  /** Sends one request. */
  post(request: WorkerRequest): void;
  /**
   * Registers the listeners, once, right after spawning. `failure` fires when
   * the worker dies on its own (uncaught error, exit) -- not after `terminate`.
   */
  listen(handlers: {
    readonly message: (response: WorkerResponse) => void;
    readonly failure: (reason: string) => void;
  }): void;
  /** Kills the worker at once, even while it runs a built-in that ignores interrupts. */
  terminate(): void;
}

/** Starts one worker whose runner has `wasmModule` (the compiled QuickJS module). */
export type SpawnWorker = (context: { readonly wasmModule: WebAssembly.Module }) => WorkerTransport;
