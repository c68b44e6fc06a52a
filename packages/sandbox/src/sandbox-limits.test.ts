import { isVttError, type ErrorCode, type ErrorParams } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSandboxHost,
  type SandboxEvent,
  type SandboxHost,
  type SandboxInstance,
} from './index.js';

/**
 * No assertion here bounds how long a call took: on a loaded machine any such
 * bound fails now and then. Each limit is told apart by what stopped the call
 * instead: its error code and params, and whether the watchdog replaced a worker.
 */
const CPU_MS = 100;
/** The watchdog's grace for calls that only it can stop (built-ins that ignore the interrupt). */
const GRACE_MS = 200;
/**
 * The victim's watchdog grace: so long that a call the interrupt handler
 * failed to stop ends as `watchdog: true` (or the test times out), however
 * slowly the worker thread runs.
 */
const VICTIM_GRACE_MS = 10_000;

const VICTIM = `
let calls = 0;
export function ok() { calls += 1; return { calls }; }
export function spin() { while (true) {} }
export function indexOfHuge() { return Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 0); }
export function joinHuge() { return new Array(1e9).join().length; }
export function allocate() { const kept = []; for (;;) kept.push(new Float64Array(1 << 17)); }
export function recurse() { const deep = (n) => deep(n + 1) + 1; return deep(0); }
export function backtrack() { return /^(a+)+$/.test('a'.repeat(64) + '!'); }
export function asyncForever() { (async () => { for (;;) await 0; })(); return 'started'; }
`;

const BYSTANDER = `
let pings = 0;
export function ping() { pings += 1; return pings; }
`;

describe('sandbox limits (real QuickJS in real worker threads)', () => {
  let host: SandboxHost;
  let victim: SandboxInstance;
  let bystander: SandboxInstance;
  const events: SandboxEvent[] = [];

  beforeAll(async () => {
    host = await createSandboxHost({
      workers: 2,
      limits: { cpuMs: CPU_MS, watchdogGraceMs: GRACE_MS },
      onEvent: (event) => events.push(event),
    });
    victim = await host.createInstance({
      key: 'table-1:victim',
      source: VICTIM,
      limits: { watchdogGraceMs: VICTIM_GRACE_MS },
    });
    bystander = await host.createInstance({ key: 'table-2:bystander', source: BYSTANDER });
  });

  afterAll(async () => {
    await host.close();
  });

  const replacements = (): number =>
    events.filter((event) => event.type === 'worker-replaced').length;

  /**
   * Runs `fn` on `instance` (the victim's worker) while the bystander (in the
   * other worker) keeps answering, and returns the error's code and params.
   */
  async function failWhileBystanderServes(
    fn: string,
    instance = victim,
  ): Promise<{ code: ErrorCode; params: ErrorParams }> {
    let settled = false;
    const failing = instance.call(fn).then(
      () => {
        throw new Error(`${fn} was expected to fail`);
      },
      (error: unknown) => {
        settled = true;
        if (!isVttError(error)) throw error;
        return { code: error.code, params: error.params };
      },
    );
    let served = 0;
    while (!settled) {
      const { value } = await bystander.call('ping');
      expect(typeof value).toBe('number');
      served++;
    }
    const outcome = await failing;
    expect(served).toBeGreaterThan(0);
    return outcome;
  }

  async function expectVictimWorks(): Promise<void> {
    const { value } = await victim.call('ok');
    expect(value).toMatchObject({ calls: expect.any(Number) });
    expect(victim.status().state).toBe('ready');
  }

  /** Fails `fn` on the victim with `code`, stopped in its worker: no worker was replaced. */
  async function expectStoppedInWorker(fn: string, code: ErrorCode): Promise<void> {
    const replacedBefore = replacements();
    const failed = await failWhileBystanderServes(fn);
    expect(failed).toMatchObject({ code, params: { fn } });
    expect(failed.params['watchdog']).toBeUndefined();
    expect(replacements()).toBe(replacedBefore);
  }

  it('stops `while (true) {}` at the CPU deadline through the interrupt handler', async () => {
    await expectStoppedInWorker('spin', 'VTT_ERR_SANDBOX_TIMEOUT');
    await expectVictimWorks();
  });

  it('keeps resident state across calls, and after an interrupted call', async () => {
    const first = (await victim.call('ok')).value as { calls: number };
    await expect(victim.call('spin')).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_TIMEOUT' });
    const second = (await victim.call('ok')).value as { calls: number };
    expect(second.calls).toBe(first.calls + 1);
  });

  it.each(['indexOfHuge', 'joinHuge'])(
    'has the watchdog kill and replace a worker stuck in a built-in (%s)',
    async (fn) => {
      // In the victim's worker, with the host's short watchdog grace.
      const stuck = await host.createInstance({ key: `table-6:stuck-${fn}`, source: VICTIM });
      const replacedBefore = replacements();
      const failed = await failWhileBystanderServes(fn, stuck);
      expect(failed).toMatchObject({
        code: 'VTT_ERR_SANDBOX_TIMEOUT',
        params: { fn, limitMs: CPU_MS, watchdog: true },
      });
      expect(replacements()).toBe(replacedBefore + 1);
      await expectVictimWorks();
      const lifecycle = events.filter((event) => event.type !== 'call-finished');
      expect(lifecycle.at(-1)).toMatchObject({ type: 'instance-reloaded', key: 'table-1:victim' });
      expect((await stuck.call('ok')).value).toEqual({ calls: 1 }); // reloaded: state starts over
      await stuck.dispose();
    },
  );

  it('caps WebAssembly memory: a typed-array allocation loop fails with the memory code', async () => {
    // Its own instance with a long CPU budget, so the memory cap (not the deadline) stops it.
    const hog = await host.createInstance({
      key: 'table-3:hog',
      source: VICTIM,
      limits: { cpuMs: 20_000 },
    });
    const failing = hog.call('allocate').catch((error: unknown) => error);
    for (let i = 1; i <= 3; i++)
      expect((await bystander.call('ping')).value).toEqual(expect.any(Number));
    expect(await failing).toMatchObject({ code: 'VTT_ERR_SANDBOX_MEMORY' });
    for (const worker of await host.stats()) {
      expect(worker.wasmBytes).toBeLessThanOrEqual(worker.instances * 64 * 1024 * 1024);
    }
    expect((await hog.call('ok')).value).toEqual({ calls: 1 }); // reloaded: state starts over
    await hog.dispose();
  });

  it('turns deep recursion into a stack-overflow error, not a crash', async () => {
    await expectStoppedInWorker('recurse', 'VTT_ERR_SANDBOX_STACK_OVERFLOW');
    await expectVictimWorks();
  });

  it('stops catastrophic regex backtracking at the CPU deadline', async () => {
    await expectStoppedInWorker('backtrack', 'VTT_ERR_SANDBOX_TIMEOUT');
    await expectVictimWorks();
  });

  it('bounds promise jobs: an endless async loop fails with the job-limit code', async () => {
    // Its own instance with a long CPU budget, so the job limit (not the deadline) stops it;
    // within 100 ms a loaded machine may run fewer than maxJobs jobs (see sandbox-deadline.test.ts).
    const jobs = await host.createInstance({
      key: 'table-5:jobs',
      source: VICTIM,
      limits: { cpuMs: 20_000 },
    });
    const failed = await failWhileBystanderServes('asyncForever', jobs);
    expect(failed).toMatchObject({
      code: 'VTT_ERR_SANDBOX_JOB_LIMIT',
      params: { fn: 'asyncForever', maxJobs: 10_000 },
    });
    expect((await jobs.call('ok')).value).toEqual({ calls: 1 });
    await jobs.dispose();
    await expectVictimWorks();
  });

  it('stops a compile that ignores the interrupt at loadCpuMs + watchdogGraceMs', async () => {
    // 400,000 declarations: QuickJS's compiler polls no interrupt and needs
    // seconds for them, so only the load watchdog can stop it.
    const source = Array.from({ length: 400_000 }, (_, i) => `var a${i}=${i};`).join('');
    const loadCpuMs = 300;
    const replacedBefore = replacements();
    await expect(
      host.createInstance({ key: 'table-4:slow-compile', source, limits: { loadCpuMs } }),
    ).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { fn: '<load>', limitMs: loadCpuMs, watchdog: true },
    });
    // The watchdog of the load request (not of instantiating QuickJS, a request of its own)
    // replaced the worker that was compiling; the other worker kept serving.
    expect(replacements()).toBe(replacedBefore + 1);
    expect((await bystander.call('ping')).value).toEqual(expect.any(Number));
    await expectVictimWorks();
  });

  it('never quarantined the victim, because each failure was followed by a success', () => {
    expect(victim.status()).toMatchObject({ state: 'ready', failuresInRow: 0 });
    expect(events.some((event) => event.type === 'quarantined')).toBe(false);
  });
});
