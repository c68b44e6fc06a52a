import type { ErrorCode, ErrorParams, RngState, RollRecord } from '@vtt/core';
import {
  RELEASE_SYNC,
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSContext,
  type QuickJSHandle,
} from 'quickjs-emscripten';
import { GUEST_PRELUDE } from './guest-prelude.js';
import { HostRandom } from './host-random.js';
import { MIN_MEMORY_BYTES, WASM_PAGE_BYTES, type SandboxLimits } from './limits.js';
import type { SandboxFailure } from './protocol.js';

/**
 * One module instance inside its own QuickJS WebAssembly instance. This file
 * drives QuickJS and uses no Node or DOM API, so it runs in a Node worker
 * thread and in a browser Web Worker alike.
 */

/** What a call needs besides the instance. */
export interface GuestCallInput {
  readonly fn: string;
  readonly argJson: string;
  readonly now: number;
  readonly rng: RngState;
  /** Test seam only: die faces to serve before the generator's (see `forceDice`). */
  readonly forced?: readonly number[];
}

/** The outcome of loading or calling, as data. */
export type GuestOutcome =
  | {
      readonly ok: true;
      readonly valueJson: string;
      readonly rng: RngState;
      readonly cpuMs: number;
      /** Every roll the guest drew through `sandbox.roll` during the call, as the host drew it. */
      readonly rolls: readonly RollRecord[];
      /** How many of `forced` the call used. */
      readonly forcedUsed: number;
    }
  | { readonly ok: false; readonly failure: SandboxFailure };

/** A loaded module instance, resident in its worker between calls. */
export interface QuickJsGuest {
  call(input: GuestCallInput): GuestOutcome;
  /** Committed WebAssembly memory of this instance, in bytes. */
  memoryBytes(): number;
  dispose(): void;
}

interface Helpers {
  readonly invoke: QuickJSHandle;
  readonly missing: QuickJSHandle;
  readonly toJson: QuickJSHandle;
  readonly describeError: QuickJSHandle;
}

type Settled = { readonly value: QuickJSHandle } | { readonly failure: SandboxFailure };

const LOAD = '<load>';

/** A QuickJS instance with its prelude installed, waiting for its bundle. */
export interface PreparedGuest {
  /**
   * Evaluates `source` as the instance's ES module under `limits.loadCpuMs`.
   * Call it once; on failure the instance is spent (drop it).
   */
  evaluate(
    source: string,
  ): { ok: true; guest: QuickJsGuest } | { ok: false; failure: SandboxFailure };
  dispose(): void;
}

/**
 * Instantiates QuickJS in a fresh WebAssembly memory capped at
 * `limits.memoryBytes` and installs the prelude: the part of loading that
 * runs no module code. Runs in the worker when the host prepares (or
 * re-prepares) an instance; `evaluate` then runs the bundle, as a separate
 * request, so that the host's load watchdog times module code alone.
 *
 * @returns the prepared instance.
 * @example
 * const prepared = await prepareQuickJsGuest({ key: 't1:dnd5e', limits, wasmModule });
 * const loaded = prepared.evaluate(source);
 * if (loaded.ok) loaded.guest.call({ fn: 'roll', argJson: '{}', now: Date.now(), rng });
 */
export async function prepareQuickJsGuest(init: {
  readonly key: string;
  readonly limits: SandboxLimits;
  readonly wasmModule: WebAssembly.Module;
}): Promise<PreparedGuest> {
  const { key, limits } = init;
  const memory = new WebAssembly.Memory({
    initial: MIN_MEMORY_BYTES / WASM_PAGE_BYTES,
    maximum: limits.memoryBytes / WASM_PAGE_BYTES,
  });
  const variant = newVariant(RELEASE_SYNC, { wasmModule: init.wasmModule, wasmMemory: memory });
  const quickjs = await newQuickJSWASMModuleFromVariant(variant);
  const rt = quickjs.newRuntime();
  rt.setMaxStackSize(limits.stackBytes);
  rt.setMemoryLimit(limits.memoryBytes);
  const clock = { deadline: Infinity, interrupted: false };
  rt.setInterruptHandler(() => {
    if (performance.now() <= clock.deadline) return false;
    clock.interrupted = true;
    return true;
  });
  const ctx = rt.newContext();
  // The generator lives on this side of the boundary: the guest gets only outputs, never the key.
  const random = new HostRandom(`module:${key}`);
  let now = 0;
  const helpers = installPrelude(ctx, limits, {
    random: () => random.float(),
    randomInt: (bound) => random.int(bound),
    roll: (notation, label) => random.roll(notation, label),
    now: () => now,
  });

  const memoryFull = (): boolean => memory.buffer.byteLength >= limits.memoryBytes;
  const failure = (code: ErrorCode, params: ErrorParams, reset = false): SandboxFailure => ({
    code,
    params: { key, ...params },
    reset,
  });

  const classify = (error: QuickJSHandle, fn: string, limitMs: number): SandboxFailure => {
    if (clock.interrupted) return failure('VTT_ERR_SANDBOX_TIMEOUT', { fn, limitMs });
    clock.deadline = performance.now() + Math.min(limitMs, 50);
    const described = ctx.callFunction(helpers.describeError, ctx.undefined, error);
    clock.deadline = Infinity;
    if (described.error) {
      described.error.dispose();
      return memoryFull() || !clock.interrupted
        ? failure('VTT_ERR_SANDBOX_MEMORY', { fn, limitBytes: limits.memoryBytes }, true)
        : failure('VTT_ERR_SANDBOX_TIMEOUT', { fn, limitMs });
    }
    const info = JSON.parse(ctx.getString(described.value)) as Record<string, string>;
    described.value.dispose();
    const guestName = info['name'] ?? 'Error';
    const guestMessage = info['message'] ?? '';
    if (guestName === 'InternalError' && guestMessage === 'out of memory') {
      return failure('VTT_ERR_SANDBOX_MEMORY', { fn, limitBytes: limits.memoryBytes }, true);
    }
    // QuickJS's parsers (code, JSON, RegExp) report their stack check as a SyntaxError.
    if (
      /stack overflow/.test(guestMessage) &&
      /InternalError|RangeError|SyntaxError/.test(guestName)
    ) {
      return failure('VTT_ERR_SANDBOX_STACK_OVERFLOW', { fn, limitBytes: limits.stackBytes });
    }
    return failure('VTT_ERR_SANDBOX_MODULE_THREW', {
      fn,
      guestName,
      guestMessage,
      guestStack: info['stack'] ?? '',
    });
  };

  /** Promise jobs run by the current call (or the load), against `limits.maxJobs`. */
  let jobsRun = 0;

  /** Runs queued promise jobs within the budget: a failure, or undefined once none is left. */
  const runJobs = (fn: string, limitMs: number): SandboxFailure | undefined => {
    while (rt.hasPendingJob()) {
      // A job that QuickJS stopped at the deadline may have swallowed it (see `pastDeadline`).
      if (clock.interrupted) return failure('VTT_ERR_SANDBOX_TIMEOUT', { fn, limitMs });
      if (jobsRun >= limits.maxJobs) {
        return failure('VTT_ERR_SANDBOX_JOB_LIMIT', { fn, maxJobs: limits.maxJobs }, true);
      }
      const ran = rt.executePendingJobs(limits.maxJobs - jobsRun);
      if (ran.error) {
        const failed = classify(ran.error, fn, limitMs);
        ran.error.dispose();
        return failed;
      }
      jobsRun += Math.max(ran.value, 1);
    }
    return undefined;
  };

  /** Runs queued promise jobs within the budget, then unwraps `handle` if it is a promise. */
  const settle = (handle: QuickJSHandle, fn: string, limitMs: number): Settled => {
    const failed = runJobs(fn, limitMs);
    if (failed) {
      handle.dispose();
      return { failure: failed };
    }
    const state = ctx.getPromiseState(handle);
    if (state.type === 'fulfilled') {
      if (state.notAPromise) return { value: handle };
      handle.dispose();
      return { value: state.value };
    }
    handle.dispose();
    if (state.type === 'rejected') {
      const failed = classify(state.error, fn, limitMs);
      state.error.dispose();
      return { failure: failed };
    }
    return { failure: failure('VTT_ERR_SANDBOX_NEVER_SETTLED', { fn }) };
  };

  /**
   * Turns a wasm-level crash (abort, trap) into a failure; the instance is
   * then dropped. A trap on the host's stack is the module's own stack
   * overflow: QuickJS checks its stack limit against the WebAssembly shadow
   * stack, but its parser's recursion (e.g. 5,000 nested brackets in `eval`
   * or in the bundle) mostly uses the engine's native stack, which can run
   * out first.
   */
  const crashed = (error: unknown, fn: string): SandboxFailure => {
    if (memoryFull()) {
      return failure('VTT_ERR_SANDBOX_MEMORY', { fn, limitBytes: limits.memoryBytes }, true);
    }
    if (isHostStackOverflow(error)) {
      return failure(
        'VTT_ERR_SANDBOX_STACK_OVERFLOW',
        { fn, limitBytes: limits.stackBytes, hostStack: true },
        true,
      );
    }
    return failure(
      'VTT_ERR_SANDBOX_WORKER_CRASHED',
      { fn, reason: String(error).slice(0, 500) },
      true,
    );
  };

  /**
   * The deadline decides, whatever the guest's code made of its interrupt.
   * QuickJS stops the guest at the deadline by throwing an uncatchable error,
   * but an async function, a promise job (`then` callback) or a `Promise`
   * executor turns any error into a rejected promise: the call then goes on
   * and could return a value after its time was up. Once the interrupt
   * handler has fired, the call (or load) failed with the timeout code.
   */
  const pastDeadline = (outcome: GuestOutcome, fn: string, limitMs: number): GuestOutcome => {
    if (!clock.interrupted) return outcome;
    if (
      !outcome.ok &&
      (outcome.failure.reset || outcome.failure.code === 'VTT_ERR_SANDBOX_TIMEOUT')
    )
      return outcome;
    return { ok: false, failure: failure('VTT_ERR_SANDBOX_TIMEOUT', { fn, limitMs }) };
  };

  /** The module namespace once evaluated; `ctx.undefined` (never freed) until then. */
  let exports: QuickJSHandle = ctx.undefined;
  /** Set when the WebAssembly code trapped: its heap is inconsistent and must not be freed or used. */
  let trapped = false;

  const guest: QuickJsGuest = {
    call(input) {
      const { fn } = input;
      random.begin(input.rng, input.forced);
      now = input.now;
      const started = performance.now();
      clock.interrupted = false;
      clock.deadline = started + limits.cpuMs;
      try {
        const outcome = pastDeadline(callExport(input), fn, limits.cpuMs);
        if (outcome.ok) return { ...outcome, ...random.end(), cpuMs: performance.now() - started };
        return { ok: false, failure: withoutLeftovers(outcome.failure) };
      } catch (error) {
        trapped = true;
        return { ok: false, failure: crashed(error, fn) };
      } finally {
        clock.deadline = Infinity;
      }
    },
    memoryBytes: () => memory.buffer.byteLength,
    dispose() {
      if (trapped) return; // dropping a trapped instance frees its whole memory
      try {
        exports.dispose();
        for (const handle of Object.values(helpers)) handle.dispose();
        ctx.dispose();
        rt.dispose();
      } catch {
        // A crashed instance cannot free itself; dropping it frees its whole memory.
      }
    },
  };

  function callExport(input: GuestCallInput): GuestOutcome {
    const { fn } = input;
    jobsRun = 0;
    const name = ctx.newString(fn);
    const argText = ctx.newString(input.argJson);
    const result = ctx.callFunction(helpers.invoke, ctx.undefined, exports, name, argText);
    name.dispose();
    argText.dispose();
    if (result.error) {
      const failed = classify(result.error, fn, limits.cpuMs);
      result.error.dispose();
      return { ok: false, failure: failed };
    }
    if (ctx.eq(result.value, helpers.missing)) {
      result.value.dispose();
      return { ok: false, failure: failure('VTT_ERR_SANDBOX_NO_SUCH_FUNCTION', { fn }) };
    }
    const settled = settle(result.value, fn, limits.cpuMs);
    if ('failure' in settled) return { ok: false, failure: settled.failure };
    const outcome = serialise(settled.value, fn);
    // Getters run while serialising may queue jobs: they are this call's work, not the next's.
    const unfinished = outcome.ok ? runJobs(fn, limits.cpuMs) : undefined;
    return unfinished ? { ok: false, failure: unfinished } : outcome;
  }

  function serialise(value: QuickJSHandle, fn: string): GuestOutcome {
    const json = ctx.callFunction(helpers.toJson, ctx.undefined, value);
    value.dispose();
    if (json.error) {
      const failed = classify(json.error, fn, limits.cpuMs);
      json.error.dispose();
      return { ok: false, failure: failed };
    }
    const kind = ctx.typeof(json.value);
    if (kind === 'string') {
      const valueJson = ctx.getString(json.value);
      json.value.dispose();
      return { ok: true, valueJson, ...random.end(), cpuMs: 0 };
    }
    if (kind === 'number') {
      const length = ctx.getNumber(json.value);
      json.value.dispose();
      return {
        ok: false,
        failure: failure('VTT_ERR_SANDBOX_RESULT_TOO_LARGE', {
          fn,
          length,
          max: limits.maxResultChars,
        }),
      };
    }
    const problem = ctx.getProp(json.value, 0);
    const text = ctx.typeof(problem) === 'string' ? ctx.getString(problem) : 'unknown';
    problem.dispose();
    json.value.dispose();
    return {
      ok: false,
      failure: failure('VTT_ERR_SANDBOX_RESULT_NOT_JSON', { fn, problem: text.slice(0, 500) }),
    };
  }

  /**
   * A failed call may leave promise jobs queued (it timed out or threw while
   * queueing them); they would run in the next, innocent call. QuickJS can
   * only run queued jobs, not drop them, so the instance is reset instead: it
   * is reloaded from source before the next call.
   */
  function withoutLeftovers(failed: SandboxFailure): SandboxFailure {
    if (failed.reset || !rt.hasPendingJob()) return failed;
    return { ...failed, params: { ...failed.params, leftoverJobs: true }, reset: true };
  }

  return {
    evaluate(source) {
      try {
        clock.interrupted = false;
        jobsRun = 0;
        // One deadline for the whole load: compiling, top-level code and its promise jobs.
        clock.deadline = performance.now() + limits.loadCpuMs;
        const evaluated = ctx.evalCode(source, 'module.js', { type: 'module', strict: true });
        const settled: Settled = evaluated.error
          ? { failure: classify(evaluated.error, LOAD, limits.loadCpuMs) }
          : settle(evaluated.value, LOAD, limits.loadCpuMs);
        if (evaluated.error) evaluated.error.dispose();
        clock.deadline = Infinity;
        if ('failure' in settled) return { ok: false, failure: settled.failure };
        if (clock.interrupted) {
          settled.value.dispose();
          return {
            ok: false,
            failure: failure('VTT_ERR_SANDBOX_TIMEOUT', { fn: LOAD, limitMs: limits.loadCpuMs }),
          };
        }
        exports = settled.value;
      } catch (error) {
        trapped = true;
        return { ok: false, failure: crashed(error, LOAD) };
      }
      return { ok: true, guest };
    },
    dispose: () => guest.dispose(),
  };
}

/** V8's and SpiderMonkey's errors for an exhausted native stack. */
function isHostStackOverflow(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    (error instanceof RangeError && /call stack/i.test(error.message)) ||
    (error.name === 'InternalError' && /too much recursion/i.test(error.message))
  );
}

function installPrelude(
  ctx: QuickJSContext,
  limits: SandboxLimits,
  host: {
    random(): number;
    randomInt(bound: number): number;
    roll(notation: string, label: string | undefined): string;
    now(): number;
  },
): Helpers {
  const args = [
    ctx.newFunction('random', () => ctx.newNumber(host.random())),
    ctx.newFunction('randomInt', (bound) => ctx.newNumber(host.randomInt(ctx.getNumber(bound)))),
    ctx.newFunction('roll', (notation, label) =>
      ctx.newString(
        host.roll(
          ctx.getString(notation),
          ctx.typeof(label) === 'string' ? ctx.getString(label) : undefined,
        ),
      ),
    ),
    ctx.newFunction('now', () => ctx.newNumber(host.now())),
    ctx.newNumber(limits.maxResultChars),
    ctx.newNumber(limits.maxErrorChars),
  ];
  const prelude = ctx.unwrapResult(
    ctx.evalCode(GUEST_PRELUDE, 'sandbox-prelude.js', { type: 'global' }),
  );
  const helpers = ctx.unwrapResult(ctx.callFunction(prelude, ctx.undefined, ...args));
  prelude.dispose();
  for (const arg of args) arg.dispose();
  const get = (name: keyof Helpers): QuickJSHandle => ctx.getProp(helpers, name);
  const result: Helpers = {
    invoke: get('invoke'),
    missing: get('missing'),
    toJson: get('toJson'),
    describeError: get('describeError'),
  };
  helpers.dispose();
  return result;
}
