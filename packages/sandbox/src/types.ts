import type { ErrorCode, ErrorParams, RngState, RollRecord, VttError } from '@vtt/core';
import type { SandboxLimits } from './limits.js';

/** A value that crosses the sandbox boundary: what `JSON.parse` returns. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Options of {@link SandboxHost.createInstance}. */
export interface CreateInstanceOptions {
  /** Unique among the host's live instances, e.g. `${tableId}:${moduleId}`. */
  readonly key: string;
  /** The module bundle: one self-contained ES module (no imports) exporting functions. */
  readonly source: string;
  /** Overrides of the host's limits for this instance. */
  readonly limits?: Partial<SandboxLimits>;
  /** Seed of the instance's RNG when a call passes no `rng`; defaults to `key`. */
  readonly seed?: number | string | RngState;
}

/** Per-call options of {@link SandboxInstance.call}. */
export interface CallOptions {
  /** The time the guest sees (`Date.now()`, `sandbox.now()`); defaults to the host's `Date.now()`. */
  readonly now?: number;
  /** The RNG state the guest draws from; defaults to the state the last call left. */
  readonly rng?: RngState;
  /**
   * Test seam only (the table's `forceDice`): die faces the guest's dice
   * show before the generator's. The server never sets it.
   */
  readonly forced?: readonly number[];
}

/** What a successful call returns. */
export interface SandboxCallResult {
  /** The function's return value (or what its promise resolved to), parsed from JSON. */
  readonly value: JsonValue;
  /** The RNG state after the call; persist it to continue the sequence. */
  readonly rng: RngState;
  /** Every roll the guest drew (`sandbox.roll`, `ctx.dice.roll`), as the host drew it. */
  readonly rolls: readonly RollRecord[];
  /** How many of `options.forced` the call used. */
  readonly forcedUsed: number;
  /** CPU time the call took inside the worker, in ms. */
  readonly cpuMs: number;
}

/** The lifecycle state of an instance. */
export const INSTANCE_STATE = {
  Ready: 'ready',
  Quarantined: 'quarantined',
  Disposed: 'disposed',
} as const;
/** One of {@link INSTANCE_STATE}. */
export type InstanceState = (typeof INSTANCE_STATE)[keyof typeof INSTANCE_STATE];

/** A snapshot of an instance's health. */
export interface InstanceStatus {
  readonly state: InstanceState;
  readonly failuresInRow: number;
  /** The last failure, as data (also after a later success). */
  readonly lastError?: { readonly code: ErrorCode; readonly params: ErrorParams };
}

/** A loaded module bundle with resident state, living in one worker. */
export interface SandboxInstance {
  readonly key: string;
  /** The limits it runs under (e.g. `maxArgChars`, to split big arguments into several calls). */
  readonly limits: SandboxLimits;
  /**
   * Calls exported function `fn` with `arg` (sent as JSON). Calls on one
   * instance run one after the other, in order.
   *
   * @returns the JSON result, the advanced RNG state and the CPU time.
   * @throws VttError with a `VTT_ERR_SANDBOX_*` code (timeout, memory, stack
   * overflow, job limit, result too large or not JSON, module threw,
   * quarantined, worker crashed, ...).
   * @example
   * const { value, rng } = await instance.call('validate', { action }, { rng: table.rng });
   */
  call(fn: string, arg?: JsonValue, options?: CallOptions): Promise<SandboxCallResult>;
  /** Health of the instance: ready, quarantined or disposed, and its last failure. */
  status(): InstanceStatus;
  /**
   * Counts the last call as failed after all, when the host finds its
   * result wrong (a reply that does not fit the module protocol,
   * `VTT_ERR_MODULE_BAD_REPLY`): like the module's own failures, in a row,
   * towards quarantine. Call it right after that call; the caller still
   * throws `error`.
   * @example
   * instance.reportFailure(new VttError('VTT_ERR_MODULE_BAD_REPLY', { moduleId, call, pointer, problem }));
   */
  reportFailure(error: VttError): void;
  /** Frees the instance in its worker; later calls fail with `VTT_ERR_SANDBOX_DISPOSED`. */
  dispose(): Promise<void>;
}

/** Memory figures of one worker. */
export interface SandboxWorkerStats {
  readonly worker: number;
  /** Whether the worker answered within 1 s (false: hung, crashed, or the host is closed). */
  readonly answered: boolean;
  readonly instances: number;
  /** Committed WebAssembly memory of its instances, in bytes. */
  readonly wasmBytes: number;
}

/** Things that happened in the host, as data, for logs and for telling the GM. */
export type SandboxEvent =
  | {
      /** Every call, once it is answered or has failed (`ms`: from its turn in the instance's queue). */
      readonly type: 'call-finished';
      readonly key: string;
      readonly fn: string;
      readonly ms: number;
      readonly ok: boolean;
    }
  | {
      readonly type: 'call-failed';
      readonly key: string;
      readonly fn: string;
      readonly error: VttError;
    }
  | {
      readonly type: 'quarantined';
      readonly key: string;
      readonly failures: number;
      readonly error: VttError;
    }
  | {
      readonly type: 'worker-replaced';
      readonly worker: number;
      readonly reason: 'watchdog' | 'crashed';
    }
  | { readonly type: 'instance-reloaded'; readonly key: string; readonly worker: number };

/** Options of `createSandboxHost`. */
export interface SandboxHostOptions {
  /** Number of worker threads; instances are spread over them. Default 2. */
  readonly workers?: number;
  /** Default limits of every instance. */
  readonly limits?: Partial<SandboxLimits>;
  /** Receives every {@link SandboxEvent}; must not throw. */
  readonly onEvent?: (event: SandboxEvent) => void;
}

/** A pool of sandbox workers and the module instances loaded in them. */
export interface SandboxHost {
  /**
   * Loads `source` as a new instance in the least-loaded worker.
   *
   * @returns the instance once its top-level code has run.
   * @throws VttError: `VTT_ERR_SANDBOX_KEY_IN_USE`, `..._SOURCE_TOO_LARGE`,
   * `..._BAD_LIMIT`, or the load's own failure (`..._MODULE_THREW` for a
   * syntax error, `..._TIMEOUT`, ...).
   * @example
   * const instance = await host.createInstance({ key: 't1:dnd5e', source: bundle });
   */
  createInstance(options: CreateInstanceOptions): Promise<SandboxInstance>;
  /** The live instance with `key`, if any. */
  get(key: string): SandboxInstance | undefined;
  /** Memory figures per worker. */
  stats(): Promise<SandboxWorkerStats[]>;
  /** Disposes every instance and terminates the workers. Idempotent. */
  close(): Promise<void>;
}
