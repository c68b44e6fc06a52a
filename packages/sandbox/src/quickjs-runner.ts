import { prepareQuickJsGuest, type PreparedGuest, type QuickJsGuest } from './quickjs-guest.js';
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
  const prepared = new Map<string, PreparedGuest>();

  const drop = (key: string): void => {
    guests.get(key)?.dispose();
    guests.delete(key);
    prepared.get(key)?.dispose();
    prepared.delete(key);
  };

  return {
    async handle(request) {
      const { id } = request;
      switch (request.type) {
        case 'prepare': {
          drop(request.key);
          prepared.set(
            request.key,
            await prepareQuickJsGuest({
              key: request.key,
              limits: request.limits,
              wasmModule: options.wasmModule,
            }),
          );
          return { type: 'ok', id };
        }
        case 'load': {
          const ready = prepared.get(request.key);
          if (ready === undefined) return { type: 'missing', id };
          prepared.delete(request.key);
          const loaded = ready.evaluate(request.source);
          if (!loaded.ok) {
            ready.dispose();
            return { type: 'fail', id, failure: loaded.failure };
          }
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
