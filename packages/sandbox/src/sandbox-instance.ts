import { VttError, type ErrorCode, type ErrorParams, type RngState } from '@vtt/core';
import type { SandboxLimits } from './limits.js';
import type { SandboxFailure } from './protocol.js';
import { INSTANCE_STATE } from './types.js';
import type {
  CallOptions,
  InstanceStatus,
  JsonValue,
  SandboxCallResult,
  SandboxEvent,
  SandboxInstance,
} from './types.js';
import type { SlotOutcome, WorkerSlot } from './worker-slot.js';

/**
 * Watchdog of instantiating QuickJS in the worker (a `prepare` request). It
 * runs no module code, so this allowance is not module time: the bundle is
 * evaluated in a separate `load` request under `loadCpuMs` + `watchdogGraceMs`.
 */
const PREPARE_WATCHDOG_MS = 5_000;
/** How often a call is retried when its worker was replaced under it. */
const MAX_RELOADS = 3;
const LOAD = '<load>';

/** Failures that are the module's fault and count towards quarantine. */
const COUNTED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'VTT_ERR_SANDBOX_TIMEOUT',
  'VTT_ERR_SANDBOX_MEMORY',
  'VTT_ERR_SANDBOX_STACK_OVERFLOW',
  'VTT_ERR_SANDBOX_JOB_LIMIT',
  'VTT_ERR_SANDBOX_NEVER_SETTLED',
  'VTT_ERR_SANDBOX_RESULT_TOO_LARGE',
  'VTT_ERR_SANDBOX_RESULT_NOT_JSON',
  'VTT_ERR_SANDBOX_MODULE_THREW',
  'VTT_ERR_SANDBOX_WORKER_CRASHED',
  'VTT_ERR_MODULE_BAD_REPLY', // reported by the host (reportFailure)
]);

/** What an instance needs from its host. */
export interface InstanceContext {
  readonly key: string;
  readonly source: string;
  readonly limits: SandboxLimits;
  readonly rng: RngState;
  readonly slot: WorkerSlot;
  readonly emit: (event: SandboxEvent) => void;
  readonly onDisposed: () => void;
}

/**
 * The host side of one instance: serialises its calls, reloads it after its
 * worker was replaced, counts failures in a row and quarantines it.
 */
export class HostedInstance implements SandboxInstance {
  readonly key: string;
  private loadedGeneration = -1;
  /**
   * The worker generation this instance was last sent to (its `prepare`),
   * prepared or loaded there; -1 once released. A replaced worker took its
   * instances with it, so there is nothing to dispose in the new one.
   */
  private residentGeneration = -1;
  private everLoaded = false;
  private rng: RngState;
  private failuresInRow = 0;
  /** The count before the last success reset it: a reported failure of that call resumes it. */
  private failuresBeforeSuccess = 0;
  private lastError: VttError | undefined;
  private state: InstanceStatus['state'] = INSTANCE_STATE.Ready;
  private chain: Promise<unknown> = Promise.resolve();

  get limits(): SandboxLimits {
    return this.context.limits;
  }

  constructor(private readonly context: InstanceContext) {
    this.key = context.key;
    this.rng = context.rng;
  }

  /** Loads the source into the worker; rejects with the load's failure. */
  load(): Promise<void> {
    return this.serial(() => this.ensureLoaded());
  }

  call(fn: string, arg: JsonValue = null, options: CallOptions = {}): Promise<SandboxCallResult> {
    const early = this.refusal(fn);
    if (early) return Promise.reject(early);
    let argJson: string | undefined;
    try {
      argJson = JSON.stringify(arg);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      return Promise.reject(this.error('VTT_ERR_SANDBOX_ARG_NOT_JSON', { fn, problem }));
    }
    if (argJson === undefined) argJson = 'null';
    const max = this.context.limits.maxArgChars;
    if (argJson.length > max) {
      return Promise.reject(
        this.error('VTT_ERR_SANDBOX_ARG_TOO_LARGE', { fn, length: argJson.length, max }),
      );
    }
    const text = argJson;
    return this.serial(async () => {
      const started = performance.now();
      let ok = false;
      try {
        const result = await this.run(fn, text, options);
        ok = true;
        return result;
      } finally {
        const ms = performance.now() - started;
        this.context.emit({ type: 'call-finished', key: this.key, fn, ms, ok });
      }
    });
  }

  reportFailure(error: VttError): void {
    if (this.state !== INSTANCE_STATE.Ready) return;
    this.failuresInRow = this.failuresBeforeSuccess; // the last call failed after all
    this.fail({ code: error.code, params: error.params, reset: false }, '<reply>');
    this.failuresBeforeSuccess = this.failuresInRow;
  }

  status(): InstanceStatus {
    return {
      state: this.state,
      failuresInRow: this.failuresInRow,
      ...(this.lastError && {
        lastError: { code: this.lastError.code, params: this.lastError.params },
      }),
    };
  }

  async dispose(): Promise<void> {
    if (this.state === INSTANCE_STATE.Disposed) return;
    this.state = INSTANCE_STATE.Disposed;
    this.context.onDisposed();
    await this.releaseInWorker();
  }

  /**
   * Drops the instance in its worker, if the current worker holds it. A
   * dispose sent to a worker that replaced the one holding it would be its
   * first request: under load, one that has not finished starting misses the
   * 1 s watchdog and is replaced again, reloading every instance in the slot.
   */
  private async releaseInWorker(): Promise<void> {
    const { slot } = this.context;
    if (this.residentGeneration !== slot.generation) return;
    this.residentGeneration = -1;
    await slot.request({ type: 'dispose', key: this.key }, 1_000);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.chain.then(task);
    this.chain = result.catch(() => undefined);
    return result;
  }

  private refusal(fn: string): VttError | undefined {
    if (this.state === INSTANCE_STATE.Disposed)
      return this.error('VTT_ERR_SANDBOX_DISPOSED', { fn });
    if (this.state === INSTANCE_STATE.Quarantined) {
      return this.error('VTT_ERR_SANDBOX_QUARANTINED', {
        fn,
        failures: this.failuresInRow,
        lastCode: this.lastError?.code ?? 'unknown',
      });
    }
    return undefined;
  }

  private async run(fn: string, argJson: string, options: CallOptions): Promise<SandboxCallResult> {
    const { slot, limits } = this.context;
    for (let attempt = 0; attempt < MAX_RELOADS; attempt++) {
      const refused = this.refusal(fn);
      if (refused) throw refused;
      await this.ensureLoaded();
      const outcome = await slot.request(
        {
          type: 'call',
          key: this.key,
          fn,
          argJson,
          now: options.now ?? Date.now(),
          rng: options.rng ?? this.rng,
          ...(options.forced ? { forced: options.forced } : {}),
        },
        limits.cpuMs + limits.watchdogGraceMs,
      );
      if (outcome.kind === 'watchdog') {
        this.loadedGeneration = -1;
        throw this.fail(
          {
            code: 'VTT_ERR_SANDBOX_TIMEOUT',
            params: { fn, limitMs: limits.cpuMs, watchdog: true },
            reset: true,
          },
          fn,
        );
      }
      if (outcome.kind === 'crashed') {
        this.loadedGeneration = -1;
        throw this.fail(
          {
            code: 'VTT_ERR_SANDBOX_WORKER_CRASHED',
            params: { fn, reason: outcome.reason },
            reset: true,
          },
          fn,
        );
      }
      if (outcome.kind === 'closed') throw this.error('VTT_ERR_SANDBOX_DISPOSED', { fn });
      const { response } = outcome;
      if (response.type === 'missing') {
        this.loadedGeneration = -1;
        continue;
      }
      if (response.type === 'fail') {
        if (response.failure.reset) this.loadedGeneration = -1;
        throw this.fail(response.failure, fn);
      }
      this.failuresBeforeSuccess = this.failuresInRow;
      this.failuresInRow = 0;
      if (response.rng) this.rng = response.rng;
      return {
        value: parseResult(response.valueJson ?? 'null'),
        rng: this.rng,
        rolls: response.rolls ?? [],
        forcedUsed: response.forcedUsed ?? 0,
        cpuMs: response.cpuMs ?? 0,
      };
    }
    throw this.fail(
      {
        code: 'VTT_ERR_SANDBOX_WORKER_CRASHED',
        params: { fn, reason: 'the worker was replaced during every attempt' },
        reset: true,
      },
      fn,
    );
  }

  private async ensureLoaded(): Promise<void> {
    const { slot, limits } = this.context;
    for (let attempt = 0; attempt < MAX_RELOADS; attempt++) {
      if (this.loadedGeneration === slot.generation) return;
      const generation = slot.generation;
      this.residentGeneration = generation;
      const prepared = await slot.request(
        { type: 'prepare', key: this.key, limits },
        PREPARE_WATCHDOG_MS,
      );
      if (prepared.kind === 'response' && prepared.response.type === 'ok') {
        const loaded = await slot.request(
          { type: 'load', key: this.key, source: this.context.source },
          limits.loadCpuMs + limits.watchdogGraceMs,
        );
        if (loaded.kind === 'response' && loaded.response.type === 'missing') continue;
        this.checkLoad(loaded);
      } else if (prepared.kind === 'watchdog') {
        throw this.fail(
          {
            code: 'VTT_ERR_SANDBOX_WORKER_CRASHED',
            params: {
              fn: LOAD,
              reason: `instantiating QuickJS took over ${PREPARE_WATCHDOG_MS} ms`,
            },
            reset: true,
          },
          LOAD,
        );
      } else {
        this.checkLoad(prepared);
      }
      this.loadedGeneration = generation;
      if (this.everLoaded)
        this.context.emit({ type: 'instance-reloaded', key: this.key, worker: slot.index });
      this.everLoaded = true;
      return;
    }
    throw this.fail(
      {
        code: 'VTT_ERR_SANDBOX_WORKER_CRASHED',
        params: { fn: LOAD, reason: 'the worker was replaced during every attempt to load' },
        reset: true,
      },
      LOAD,
    );
  }

  /** Throws the failure of a `prepare` or `load` request, if it failed. */
  private checkLoad(outcome: SlotOutcome): void {
    const { limits } = this.context;
    if (outcome.kind === 'watchdog') {
      throw this.fail(
        {
          code: 'VTT_ERR_SANDBOX_TIMEOUT',
          params: { fn: LOAD, limitMs: limits.loadCpuMs, watchdog: true },
          reset: true,
        },
        LOAD,
      );
    }
    if (outcome.kind === 'crashed') {
      throw this.fail(
        {
          code: 'VTT_ERR_SANDBOX_WORKER_CRASHED',
          params: { fn: LOAD, reason: outcome.reason },
          reset: true,
        },
        LOAD,
      );
    }
    if (outcome.kind === 'closed') throw this.error('VTT_ERR_SANDBOX_DISPOSED', { fn: LOAD });
    if (outcome.response.type === 'fail') throw this.fail(outcome.response.failure, LOAD);
  }

  /** Records a failure, quarantining the instance when it is one too many; returns the error to throw. */
  private fail(failure: SandboxFailure, fn: string): VttError {
    const error = this.error(failure.code, failure.params);
    this.context.emit({ type: 'call-failed', key: this.key, fn, error });
    if (!COUNTED.has(failure.code)) return error;
    this.lastError = error;
    this.failuresInRow++;
    if (
      this.state === INSTANCE_STATE.Ready &&
      this.failuresInRow >= this.context.limits.quarantineAfter
    ) {
      this.state = INSTANCE_STATE.Quarantined;
      this.loadedGeneration = -1;
      void this.releaseInWorker();
      this.context.emit({
        type: 'quarantined',
        key: this.key,
        failures: this.failuresInRow,
        error,
      });
    }
    return error;
  }

  private error(code: ErrorCode, params: ErrorParams): VttError {
    return new VttError(code, { key: this.key, ...params });
  }
}

/**
 * Parses a guest result. `JSON.parse` only makes plain objects and arrays;
 * `__proto__` keys (own properties after JSON.parse) are dropped too, so a
 * later `Object.assign` or merge by the caller cannot change a prototype.
 */
function parseResult(json: string): JsonValue {
  if (!json.includes('"__proto__"')) return JSON.parse(json) as JsonValue;
  return JSON.parse(json, (name, value: unknown) =>
    name === '__proto__' ? undefined : value,
  ) as JsonValue;
}
