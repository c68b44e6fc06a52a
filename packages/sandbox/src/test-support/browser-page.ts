/**
 * Entry of the page that browser-host.test.ts bundles and opens in Chromium:
 * puts a small driver of the browser sandbox host on `globalThis`, so the
 * Node side can drive it through `page.evaluate` and get plain data back.
 */
import { isVttError, type ErrorCode, type ErrorParams } from '@vtt/core';
import { createBrowserSandboxHost } from '../browser.js';
import type { SandboxLimits } from '../limits.js';
import type { JsonValue, SandboxHost, SandboxInstance } from '../types.js';

/** The outcome of a load or a call, as data, with the time it took in the page. */
export type DriverOutcome =
  | { readonly ok: true; readonly value: JsonValue; readonly ms: number }
  | {
      readonly ok: false;
      readonly code: ErrorCode | 'not-a-vtt-error';
      readonly params: ErrorParams;
      readonly ms: number;
    };

/** A host event, reduced to what crosses `page.evaluate`. */
export interface DriverEvent {
  readonly type: string;
  readonly key?: string;
  readonly worker?: number;
  readonly reason?: string;
}

/** What the page puts on `globalThis.vttSandboxDriver`. */
export interface BrowserSandboxDriver {
  start(options: {
    readonly wasmUrl: string;
    readonly workers: number;
    readonly limits: Partial<SandboxLimits>;
  }): Promise<DriverOutcome>;
  load(key: string, source: string): Promise<DriverOutcome>;
  call(key: string, fn: string, arg?: JsonValue): Promise<DriverOutcome>;
  /** Events since the last `takeEvents`. */
  takeEvents(): DriverEvent[];
  close(): Promise<void>;
}

let host: SandboxHost | undefined;
const instances = new Map<string, SandboxInstance>();
let events: DriverEvent[] = [];

async function timed(task: () => Promise<JsonValue>): Promise<DriverOutcome> {
  const started = performance.now();
  try {
    const value = await task();
    return { ok: true, value, ms: performance.now() - started };
  } catch (error) {
    const ms = performance.now() - started;
    if (isVttError(error)) return { ok: false, code: error.code, params: error.params, ms };
    return { ok: false, code: 'not-a-vtt-error', params: { message: String(error) }, ms };
  }
}

function started(): SandboxHost {
  if (host === undefined) throw new Error('call start() first');
  return host;
}

const driver: BrowserSandboxDriver = {
  start: (options) =>
    timed(async () => {
      host = await createBrowserSandboxHost({
        ...options,
        onEvent: (event) =>
          events.push({
            type: event.type,
            ...('key' in event && { key: event.key }),
            ...('worker' in event && { worker: event.worker }),
            ...('reason' in event && { reason: event.reason }),
          }),
      });
      return null;
    }),
  load: (key, source) =>
    timed(async () => {
      instances.set(key, await started().createInstance({ key, source }));
      return null;
    }),
  call: (key, fn, arg = null) =>
    timed(async () => {
      const instance = instances.get(key);
      if (instance === undefined) throw new Error(`no instance ${key}`);
      return (await instance.call(fn, arg)).value;
    }),
  takeEvents() {
    const taken = events;
    events = [];
    return taken;
  },
  async close() {
    await host?.close();
    host = undefined;
  },
};

(globalThis as { vttSandboxDriver?: BrowserSandboxDriver }).vttSandboxDriver = driver;
