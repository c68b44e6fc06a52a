import { loadQuickJsGuest, type QuickJsGuest } from './quickjs-guest.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

/**
 * The worker side of the protocol: a table of loaded guests answering
 * {@link WorkerRequest}s. No Node or DOM API here; the Node worker entry and
 * the Web Worker entry only move messages in and out of it.
 */
export interface QuickJsRunner {
  /** Answers one request; never rejects (failures are data). */
  handle(request: WorkerRequest): Promise<WorkerResponse>;
}

/**
 * Creates the runner of one worker. `wasmModule` is the compiled QuickJS
 * WebAssembly module, compiled once per worker and instantiated once per
 * guest (each guest gets its own capped memory).
 *
 * @example
 * const runner = createQuickJsRunner({ wasmModule: await WebAssembly.compile(bytes) });
 * port.on('message', async (request) => port.postMessage(await runner.handle(request)));
 */
export function createQuickJsRunner(options: {
  readonly wasmModule: WebAssembly.Module;
}): QuickJsRunner {
  const guests = new Map<string, QuickJsGuest>();

  const drop = (key: string): void => {
    guests.get(key)?.dispose();
    guests.delete(key);
  };

  return {
    async handle(request) {
      const { id } = request;
      switch (request.type) {
        case 'load': {
          drop(request.key);
          const loaded = await loadQuickJsGuest({
            key: request.key,
            source: request.source,
            limits: request.limits,
            wasmModule: options.wasmModule,
          });
          if (!loaded.ok) return { type: 'fail', id, failure: loaded.failure };
          guests.set(request.key, loaded.guest);
          return { type: 'ok', id };
        }
        case 'call': {
          const guest = guests.get(request.key);
          if (guest === undefined) return { type: 'missing', id };
          const outcome = guest.call(request);
          if (!outcome.ok) {
            if (outcome.failure.reset) drop(request.key);
            return { type: 'fail', id, failure: outcome.failure };
          }
          return {
            type: 'ok',
            id,
            valueJson: outcome.valueJson,
            rng: outcome.rng,
            rolls: outcome.rolls,
            forcedUsed: outcome.forcedUsed,
            cpuMs: outcome.cpuMs,
          };
        }
        case 'dispose':
          drop(request.key);
          return { type: 'ok', id };
        case 'stats': {
          let wasmBytes = 0;
          for (const guest of guests.values()) wasmBytes += guest.memoryBytes();
          return { type: 'ok', id, stats: { instances: guests.size, wasmBytes } };
        }
      }
    },
  };
}
