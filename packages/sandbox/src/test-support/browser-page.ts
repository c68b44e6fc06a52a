/**
 * Entry of the page that browser-host.test.ts bundles and opens in Chromium:
 * puts a small driver of the browser sandbox host on `globalThis`, so the
 * Node side can drive it through `page.evaluate` and get plain data back.
 */
import { isVttError, type ErrorCode, type ErrorParams } from '@vtt/core';
import { createBrowserSandboxHost } from '../browser.js';
import type { SandboxLimits } from '../limits.js';
import type { JsonValue, SandboxHost, SandboxInstance } from '../types.js';

/** The outcome of a load or a call, as data. */
export type DriverOutcome =
  | { readonly ok: true; readonly value: JsonValue }
  | {
      readonly ok: false;
      readonly code: ErrorCode | 'not-a-vtt-error';
      readonly params: ErrorParams;
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
    readonly workerUrl?: string;
    readonly workers: number;
    readonly limits: Partial<SandboxLimits>;
  }): Promise<DriverOutcome>;
  load(key: string, source: string, limits?: Partial<SandboxLimits>): Promise<DriverOutcome>;
  call(key: string, fn: string, arg?: JsonValue): Promise<DriverOutcome>;
  /** Events since the last `takeEvents`. */
  takeEvents(): DriverEvent[];
  /** How many Web Workers the page has constructed so far (counted as `new Worker` runs). */
  workersConstructed(): number;
  close(): Promise<void>;
}

let host: SandboxHost | undefined;
const instances = new Map<string, SandboxInstance>();
let events: DriverEvent[] = [];
let workersConstructed = 0;

// Counts workers when they are constructed, which the host does synchronously when it
// starts or replaces one: unlike a request for the worker's script, nothing is in flight.
const PageWorker = globalThis.Worker;
globalThis.Worker = class CountedWorker extends PageWorker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    workersConstructed++;
  }
};

async function outcome(task: () => Promise<JsonValue>): Promise<DriverOutcome> {
  try {
    return { ok: true, value: await task() };
  } catch (error) {
    if (isVttError(error)) return { ok: false, code: error.code, params: error.params };
    return { ok: false, code: 'not-a-vtt-error', params: { message: String(error) } };
  }
}

function started(): SandboxHost {
  if (host === undefined) throw new Error('call start() first');
  return host;
}

const driver: BrowserSandboxDriver = {
  start: (options) =>
    outcome(async () => {
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
  load: (key, source, limits) =>
    outcome(async () => {
      instances.set(
        key,
        await started().createInstance({ key, source, ...(limits && { limits }) }),
      );
      return null;
    }),
  call: (key, fn, arg = null) =>
    outcome(async () => {
      const instance = instances.get(key);
      if (instance === undefined) throw new Error(`no instance ${key}`);
      return (await instance.call(fn, arg)).value;
    }),
  workersConstructed: () => workersConstructed,
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
