/**
 * @vtt/sandbox: runs untrusted module code in QuickJS, off the main thread,
 * with CPU, memory, stack, job-queue and size limits, a watchdog and
 * quarantine. See docs/modules/sandbox.md.
 */
import { compileQuickJsWasm } from './node-wasm.js';
import { spawnNodeWorker } from './node-transport.js';
import { createPooledSandboxHost } from './sandbox-host.js';
import type { SandboxHost, SandboxHostOptions } from './types.js';

/**
 * Starts a sandbox host on Node: compiles QuickJS once and starts
 * `options.workers` worker threads (default 2). Call `close()` when done;
 * the workers keep the process alive until then.
 *
 * @returns the host, ready for `createInstance`.
 * @example
 * const host = await createSandboxHost({ workers: 2, limits: { cpuMs: 100 } });
 * const rules = await host.createInstance({ key: 'table-1:dnd5e', source: bundle });
 * const { value } = await rules.call('attackRoll', { bonus: 5 });
 * await host.close();
 */
export async function createSandboxHost(options: SandboxHostOptions = {}): Promise<SandboxHost> {
  return createPooledSandboxHost({
    ...options,
    spawn: spawnNodeWorker,
    wasmModule: await compileQuickJsWasm(),
  });
}

export { createPooledSandboxHost } from './sandbox-host.js';
export {
  DEFAULT_SANDBOX_LIMITS,
  MAX_STACK_BYTES,
  MIN_MEMORY_BYTES,
  resolveLimits,
} from './limits.js';
export type { SandboxLimits } from './limits.js';
export { INSTANCE_STATE } from './types.js';
export type {
  CallOptions,
  CreateInstanceOptions,
  InstanceState,
  InstanceStatus,
  JsonValue,
  SandboxCallResult,
  SandboxEvent,
  SandboxHost,
  SandboxHostOptions,
  SandboxInstance,
  SandboxWorkerStats,
} from './types.js';
export type { SpawnWorker, WorkerTransport } from './worker-transport.js';
export type { WorkerRequest, WorkerResponse } from './protocol.js';
export { createModuleTable, describeModule } from './module-table/index.js';
export type {
  ModuleBundle,
  ModuleTable,
  ModuleTableOptions,
  RollChange,
  TableChange,
  TableModuleStatus,
} from './module-table/index.js';
