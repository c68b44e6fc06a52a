import type { ErrorCode, ErrorParams, RngState, RollRecord } from '@vtt/core';
import type { SandboxLimits } from './limits.js';

/**
 * Messages between the host (main thread) and a sandbox worker. Everything
 * in them is structured-clone safe and JSON-shaped: the guest's values cross
 * as JSON text, never as objects.
 */

/**
 * Instantiate QuickJS for instance `key` under `limits` (dropping any
 * instance of that key in this worker). Runs no module code.
 */
export interface PrepareRequest {
  readonly type: 'prepare';
  readonly id: number;
  readonly key: string;
  readonly limits: SandboxLimits;
}

/**
 * Evaluate the bundle in the instance `key` prepared by a {@link PrepareRequest};
 * `missing` when there is none (the worker was replaced in between).
 */
export interface LoadRequest {
  readonly type: 'load';
  readonly id: number;
  readonly key: string;
  readonly source: string;
}

/** Call exported function `fn` of instance `key` with the JSON text `argJson`. */
export interface CallRequest {
  readonly type: 'call';
  readonly id: number;
  readonly key: string;
  readonly fn: string;
  readonly argJson: string;
  /** The clock the guest sees during this call (ms since the epoch). */
  readonly now: number;
  /** The random state the guest draws from; the advanced state comes back. */
  readonly rng: RngState;
  /** Test seam only: die faces served before the generator's. */
  readonly forced?: readonly number[];
}

/** Free instance `key` in this worker. */
export interface DisposeRequest {
  readonly type: 'dispose';
  readonly id: number;
  readonly key: string;
}

/** Report the worker's instances and their WebAssembly memory. */
export interface StatsRequest {
  readonly type: 'stats';
  readonly id: number;
}

/** Anything the host sends to a worker. */
export type WorkerRequest =
  PrepareRequest | LoadRequest | CallRequest | DisposeRequest | StatsRequest;

/** Memory figures of one worker. */
export interface WorkerStats {
  readonly instances: number;
  /** Sum of the instances' WebAssembly memory sizes (committed pages), in bytes. */
  readonly wasmBytes: number;
}

/** A failure, as data. `reset` says the worker already dropped the instance's state. */
export interface SandboxFailure {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly reset: boolean;
}

/** A request succeeded; call results carry the JSON text and the advanced random state. */
export interface OkResponse {
  readonly type: 'ok';
  readonly id: number;
  readonly valueJson?: string;
  readonly rng?: RngState;
  /** The rolls the guest drew through `sandbox.roll`, as the worker drew them. */
  readonly rolls?: readonly RollRecord[];
  readonly forcedUsed?: number;
  readonly cpuMs?: number;
  readonly stats?: WorkerStats;
}

/** A request failed with a sandbox error code. */
export interface FailResponse {
  readonly type: 'fail';
  readonly id: number;
  readonly failure: SandboxFailure;
}

/** The instance is not loaded in this worker (it was replaced): load it, then retry. */
export interface MissingResponse {
  readonly type: 'missing';
  readonly id: number;
}

/** Anything a worker sends back; exactly one response per request, same `id`. */
export type WorkerResponse = OkResponse | FailResponse | MissingResponse;
