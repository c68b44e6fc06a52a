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

/**
 * Instantiates QuickJS in a fresh WebAssembly memory capped at
 * `limits.memoryBytes`, installs the prelude and evaluates `source` as an ES
 * module. Runs in the worker when the host loads (or reloads) an instance.
 *
 * @returns the guest, or the failure of loading it (syntax error, top-level
 * throw, timeout...) as data.
 * @example
 * const loaded = await loadQuickJsGuest({ key: 't1:dnd5e', source, limits, wasmModule });
 * if (loaded.ok) loaded.guest.call({ fn: 'roll', argJson: '{}', now: Date.now(), rng });
 */
export async function loadQuickJsGuest(init: {
  readonly key: string;
  readonly source: string;
  readonly limits: SandboxLimits;
  readonly wasmModule: WebAssembly.Module;
}): Promise<{ ok: true; guest: QuickJsGuest } | { ok: false; failure: SandboxFailure }> {
  const { key, source, limits } = init;
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
    if (/stack overflow/.test(guestMessage) && /InternalError|RangeError/.test(guestName)) {
      return failure('VTT_ERR_SANDBOX_STACK_OVERFLOW', { fn, limitBytes: limits.stackBytes });
    }
    return failure('VTT_ERR_SANDBOX_MODULE_THREW', {
      fn,
      guestName,
      guestMessage,
      guestStack: info['stack'] ?? '',
    });
  };

  /** Runs queued promise jobs within the budget, then unwraps `handle` if it is a promise. */
  const settle = (handle: QuickJSHandle, fn: string, limitMs: number): Settled => {
    let jobs = 0;
    while (rt.hasPendingJob()) {
      if (jobs >= limits.maxJobs) {
        handle.dispose();
        return {
          failure: failure('VTT_ERR_SANDBOX_JOB_LIMIT', { fn, maxJobs: limits.maxJobs }, true),
        };
      }
      const ran = rt.executePendingJobs(limits.maxJobs - jobs);
      if (ran.error) {
        const failed = classify(ran.error, fn, limitMs);
        ran.error.dispose();
        handle.dispose();
        return { failure: failed };
      }
      jobs += Math.max(ran.value, 1);
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

  /** Turns a wasm-level crash (abort, trap) into a failure; the instance is then dropped. */
  const crashed = (error: unknown, fn: string): SandboxFailure =>
    memoryFull()
      ? failure('VTT_ERR_SANDBOX_MEMORY', { fn, limitBytes: limits.memoryBytes }, true)
      : failure(
          'VTT_ERR_SANDBOX_WORKER_CRASHED',
          { fn, reason: String(error).slice(0, 500) },
          true,
        );

  let exports: QuickJSHandle;
  try {
    clock.interrupted = false;
    clock.deadline = performance.now() + limits.loadCpuMs;
    const evaluated = ctx.evalCode(source, 'module.js', { type: 'module', strict: true });
    clock.deadline = performance.now() + limits.loadCpuMs;
    const settled: Settled = evaluated.error
      ? { failure: classify(evaluated.error, LOAD, limits.loadCpuMs) }
      : settle(evaluated.value, LOAD, limits.loadCpuMs);
    if (evaluated.error) evaluated.error.dispose();
    clock.deadline = Infinity;
    if ('failure' in settled) return { ok: false, failure: settled.failure };
    exports = settled.value;
  } catch (error) {
    return { ok: false, failure: crashed(error, LOAD) };
  }

  const guest: QuickJsGuest = {
    call(input) {
      const { fn } = input;
      random.begin(input.rng, input.forced);
      now = input.now;
      const started = performance.now();
      clock.interrupted = false;
      clock.deadline = started + limits.cpuMs;
      try {
        const outcome = callExport(input);
        return outcome.ok
          ? { ...outcome, ...random.end(), cpuMs: performance.now() - started }
          : outcome;
      } catch (error) {
        return { ok: false, failure: crashed(error, fn) };
      } finally {
        clock.deadline = Infinity;
      }
    },
    memoryBytes: () => memory.buffer.byteLength,
    dispose() {
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
    return serialise(settled.value, fn);
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

  return { ok: true, guest };
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
