import { VttError } from '@vtt/core';

/** WebAssembly page size; memory limits are whole pages. */
export const WASM_PAGE_BYTES = 65_536;

/**
 * The smallest memory a QuickJS instance can have: the WASM module declares
 * 256 pages (16 MiB) as its initial memory and refuses to link with less.
 */
export const MIN_MEMORY_BYTES = 256 * WASM_PAGE_BYTES;

/** Above this, deep recursion can overflow the host stack and abort the WASM module. */
export const MAX_STACK_BYTES = 256 * 1024;

/** The limits one sandbox instance runs under. Every field has a default. */
export interface SandboxLimits {
  /** CPU deadline of one call (the interrupt handler stops the guest), in ms. */
  readonly cpuMs: number;
  /**
   * CPU deadline of loading the bundle, in ms: one deadline for compiling
   * it, its top-level code and their promise jobs. QuickJS's compiler polls
   * no interrupt, so a compile past it is stopped by the watchdog at
   * `loadCpuMs + watchdogGraceMs`.
   */
  readonly loadCpuMs: number;
  /**
   * How long past a deadline the main-thread watchdog waits before it
   * terminates a worker stuck in a built-in that ignores the interrupt, in ms.
   */
  readonly watchdogGraceMs: number;
  /** Hard cap of the instance's WebAssembly memory, in bytes (whole 64 KiB pages, >= 16 MiB). */
  readonly memoryBytes: number;
  /**
   * QuickJS stack limit, in bytes (<= 256 KiB), for calls and for its
   * parsers; past it a call fails with `VTT_ERR_SANDBOX_STACK_OVERFLOW`.
   */
  readonly stackBytes: number;
  /** Promise jobs one call (or the load) may run before it is stopped. */
  readonly maxJobs: number;
  /** Length of the argument's JSON text, in UTF-16 code units. */
  readonly maxArgChars: number;
  /** Length of the result's JSON text, in UTF-16 code units. */
  readonly maxResultChars: number;
  /** Length of the bundle source, in UTF-16 code units. */
  readonly maxSourceChars: number;
  /** Length kept of a guest error's message and of its stack, each. */
  readonly maxErrorChars: number;
  /** Failures in a row after which the instance is quarantined. */
  readonly quarantineAfter: number;
}

/**
 * The defaults, chosen for rules code that validates an action and computes
 * its events: a few ms of CPU, a few MiB of state.
 */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = Object.freeze({
  cpuMs: 100,
  loadCpuMs: 1_000,
  watchdogGraceMs: 250,
  memoryBytes: 64 * 1024 * 1024,
  stackBytes: MAX_STACK_BYTES,
  maxJobs: 10_000,
  maxArgChars: 1024 * 1024,
  maxResultChars: 1024 * 1024,
  maxSourceChars: 8 * 1024 * 1024,
  maxErrorChars: 4 * 1024,
  quarantineAfter: 3,
});

type Range = readonly [min: number, max: number, problem: string];

const RANGES: { readonly [K in keyof SandboxLimits]: Range } = {
  cpuMs: [1, 60_000, 'must be 1..60000 ms'],
  loadCpuMs: [1, 60_000, 'must be 1..60000 ms'],
  watchdogGraceMs: [10, 60_000, 'must be 10..60000 ms'],
  memoryBytes: [MIN_MEMORY_BYTES, 4 * 1024 ** 3 - WASM_PAGE_BYTES, 'must be 16 MiB..4 GiB'],
  stackBytes: [16 * 1024, MAX_STACK_BYTES, 'must be 16 KiB..256 KiB'],
  maxJobs: [1, 10_000_000, 'must be 1..10000000'],
  maxArgChars: [2, 256 * 1024 * 1024, 'must be 2..256 Mi characters'],
  maxResultChars: [2, 256 * 1024 * 1024, 'must be 2..256 Mi characters'],
  maxSourceChars: [1, 256 * 1024 * 1024, 'must be 1..256 Mi characters'],
  maxErrorChars: [16, 1024 * 1024, 'must be 16..1 Mi characters'],
  quarantineAfter: [1, 1_000, 'must be 1..1000'],
};

/**
 * Merges `overrides` over `base` and checks every field. Runs when a host or
 * an instance is created, so a bad limit fails early.
 *
 * @returns the complete, frozen limits.
 * @throws VttError `VTT_ERR_SANDBOX_BAD_LIMIT` naming the field.
 * @example
 * const limits = resolveLimits(DEFAULT_SANDBOX_LIMITS, { cpuMs: 50 });
 */
export function resolveLimits(
  base: SandboxLimits,
  overrides: Partial<SandboxLimits> = {},
): SandboxLimits {
  const merged: Record<string, number> = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    if (value !== undefined && name in RANGES) merged[name] = value;
  }
  for (const [name, [min, max, problem]] of Object.entries(RANGES)) {
    const value = merged[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new VttError('VTT_ERR_SANDBOX_BAD_LIMIT', { name, value: String(value), problem });
    }
  }
  if (merged['memoryBytes']! % WASM_PAGE_BYTES !== 0) {
    throw new VttError('VTT_ERR_SANDBOX_BAD_LIMIT', {
      name: 'memoryBytes',
      value: merged['memoryBytes']!,
      problem: 'must be a multiple of 65536 (one WebAssembly page)',
    });
  }
  return Object.freeze(merged as unknown as SandboxLimits);
}
