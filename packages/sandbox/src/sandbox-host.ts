import { VttError, createRng } from '@vtt/core';
import { DEFAULT_SANDBOX_LIMITS, resolveLimits } from './limits.js';
import { HostedInstance } from './sandbox-instance.js';
import type {
  SandboxEvent,
  SandboxHost,
  SandboxHostOptions,
  SandboxInstance,
  SandboxWorkerStats,
} from './types.js';
import { WorkerSlot } from './worker-slot.js';
import type { SpawnWorker } from './worker-transport.js';

/**
 * Builds a host over any kind of worker: the Node entry point passes worker
 * threads, the browser one Web Workers. Everything else -- placement,
 * watchdog, reloads, quarantine -- is shared.
 *
 * @returns the host, with its workers started.
 * @throws VttError `VTT_ERR_SANDBOX_BAD_LIMIT` for a bad default limit.
 * @example
 * const host = createPooledSandboxHost({ spawn: spawnNodeWorker, wasmModule, workers: 2 });
 */
export function createPooledSandboxHost(
  options: SandboxHostOptions & {
    readonly spawn: SpawnWorker;
    readonly wasmModule: WebAssembly.Module;
  },
): SandboxHost {
  const limits = resolveLimits(DEFAULT_SANDBOX_LIMITS, options.limits);
  const workerCount = options.workers ?? 2;
  if (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 64) {
    throw new VttError('VTT_ERR_SANDBOX_BAD_LIMIT', {
      name: 'workers',
      value: String(workerCount),
      problem: 'must be an integer 1..64',
    });
  }
  const emit = (event: SandboxEvent): void => options.onEvent?.(event);
  const slots = Array.from(
    { length: workerCount },
    (_, index) =>
      new WorkerSlot(
        index,
        () => options.spawn({ wasmModule: options.wasmModule }),
        ({ index: worker, reason }) => emit({ type: 'worker-replaced', worker, reason }),
      ),
  );
  const instances = new Map<string, HostedInstance>();
  let closed = false;

  return {
    async createInstance({ key, source, limits: overrides, seed }) {
      if (closed) throw new VttError('VTT_ERR_SANDBOX_DISPOSED', { key, fn: '<load>' });
      if (instances.has(key)) throw new VttError('VTT_ERR_SANDBOX_KEY_IN_USE', { key });
      const instanceLimits = resolveLimits(limits, overrides);
      if (source.length > instanceLimits.maxSourceChars) {
        throw new VttError('VTT_ERR_SANDBOX_SOURCE_TOO_LARGE', {
          key,
          length: source.length,
          max: instanceLimits.maxSourceChars,
        });
      }
      const slot = slots.reduce((best, next) => (next.instances < best.instances ? next : best));
      slot.instances++;
      const release = (): void => {
        if (instances.get(key) === instance) instances.delete(key);
        slot.instances--;
      };
      const instance: HostedInstance = new HostedInstance({
        key,
        source,
        limits: instanceLimits,
        rng: createRng(seed ?? key).state(),
        slot,
        emit,
        onDisposed: release,
      });
      instances.set(key, instance);
      try {
        await instance.load();
      } catch (error) {
        await instance.dispose();
        throw error;
      }
      return instance;
    },
    get: (key: string): SandboxInstance | undefined => instances.get(key),
    async stats() {
      const stats: SandboxWorkerStats[] = [];
      for (const slot of slots) {
        const outcome = await slot.request({ type: 'stats' }, 1_000);
        const figures =
          outcome.kind === 'response' && outcome.response.type === 'ok'
            ? outcome.response.stats
            : undefined;
        stats.push({
          worker: slot.index,
          answered: figures !== undefined,
          instances: figures?.instances ?? 0,
          wasmBytes: figures?.wasmBytes ?? 0,
        });
      }
      return stats;
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const instance of [...instances.values()]) void instance.dispose();
      for (const slot of slots) slot.close();
    },
  };
}
