import { isVttError, type ErrorCode } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSandboxHost,
  type SandboxEvent,
  type SandboxHost,
  type SandboxInstance,
} from './index.js';

const CPU_MS = 100;
const GRACE_MS = 200;
/**
 * Slack for thread scheduling and message passing on a busy 2-CPU CI
 * machine. Small next to "never stops", which is what a missing limit gives.
 */
const MARGIN_MS = 750;

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
  /** When each event arrived (performance.now()), by index in `events`. */
  const eventTimes: number[] = [];

  beforeAll(async () => {
    host = await createSandboxHost({
      workers: 2,
      limits: { cpuMs: CPU_MS, watchdogGraceMs: GRACE_MS },
      onEvent: (event) => {
        events.push(event);
        eventTimes.push(performance.now());
      },
    });
    victim = await host.createInstance({ key: 'table-1:victim', source: VICTIM });
    bystander = await host.createInstance({ key: 'table-2:bystander', source: BYSTANDER });
  });

  afterAll(async () => {
    await host.close();
  });

  /**
   * Runs `fn` on the victim while the bystander (in the other worker) keeps
   * answering, and returns the victim's error code and how long it took.
   */
  async function failWhileBystanderServes(fn: string): Promise<{ code: ErrorCode; ms: number }> {
    const started = performance.now();
    let settled = false;
    const failing = victim.call(fn).then(
      () => {
        throw new Error(`${fn} was expected to fail`);
      },
      (error: unknown) => {
        settled = true;
        if (!isVttError(error)) throw error;
        return { code: error.code, ms: performance.now() - started };
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

  it('stops `while (true) {}` at the CPU deadline through the interrupt handler', async () => {
    const { code, ms } = await failWhileBystanderServes('spin');
    expect(code).toBe('VTT_ERR_SANDBOX_TIMEOUT');
    expect(ms).toBeLessThan(CPU_MS + MARGIN_MS);
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
      const replacedBefore = events.filter((event) => event.type === 'worker-replaced').length;
      const { code, ms } = await failWhileBystanderServes(fn);
      expect(code).toBe('VTT_ERR_SANDBOX_TIMEOUT');
      expect(ms).toBeLessThan(CPU_MS + GRACE_MS + MARGIN_MS);
      expect(events.filter((event) => event.type === 'worker-replaced').length).toBe(
        replacedBefore + 1,
      );
      await expectVictimWorks();
      expect(events.at(-1)).toMatchObject({ type: 'instance-reloaded', key: 'table-1:victim' });
    },
  );

  it('caps WebAssembly memory: a typed-array allocation loop fails with the memory code', async () => {
    // Its own instance with a long CPU budget, so the memory cap (not the deadline) stops it.
    const hog = await host.createInstance({
      key: 'table-3:hog',
      source: VICTIM,
      limits: { cpuMs: 2_000 },
    });
    const started = performance.now();
    const failing = hog.call('allocate').catch((error: unknown) => error);
    for (let i = 1; i <= 3; i++)
      expect((await bystander.call('ping')).value).toEqual(expect.any(Number));
    expect(await failing).toMatchObject({ code: 'VTT_ERR_SANDBOX_MEMORY' });
    expect(performance.now() - started).toBeLessThan(2_000 + MARGIN_MS);
    for (const worker of await host.stats()) {
      expect(worker.wasmBytes).toBeLessThanOrEqual(worker.instances * 64 * 1024 * 1024);
    }
    expect((await hog.call('ok')).value).toEqual({ calls: 1 }); // reloaded: state starts over
    await hog.dispose();
  });

  it('turns deep recursion into a stack-overflow error, not a crash', async () => {
    const { code, ms } = await failWhileBystanderServes('recurse');
    expect(code).toBe('VTT_ERR_SANDBOX_STACK_OVERFLOW');
    expect(ms).toBeLessThan(CPU_MS + MARGIN_MS);
    await expectVictimWorks();
  });

  it('stops catastrophic regex backtracking at the CPU deadline', async () => {
    const { code, ms } = await failWhileBystanderServes('backtrack');
    expect(code).toBe('VTT_ERR_SANDBOX_TIMEOUT');
    expect(ms).toBeLessThan(CPU_MS + MARGIN_MS);
    await expectVictimWorks();
  });

  it('bounds promise jobs: an endless async loop fails with the job-limit code', async () => {
    const { code, ms } = await failWhileBystanderServes('asyncForever');
    expect(code).toBe('VTT_ERR_SANDBOX_JOB_LIMIT');
    expect(ms).toBeLessThan(CPU_MS + MARGIN_MS);
    await expectVictimWorks();
  });

  it('stops a compile that ignores the interrupt at loadCpuMs + watchdogGraceMs', async () => {
    // 400,000 declarations: QuickJS's compiler polls no interrupt and needs
    // seconds for them, so only the load watchdog can stop it.
    const source = Array.from({ length: 400_000 }, (_, i) => `var a${i}=${i};`).join('');
    const loadCpuMs = 300;
    const started = performance.now();
    await expect(
      host.createInstance({ key: 'table-4:slow-compile', source, limits: { loadCpuMs } }),
    ).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { fn: '<load>', limitMs: loadCpuMs, watchdog: true },
    });
    // The watchdog replaced the worker that was compiling: that is when the load stopped. The
    // time also covers instantiating QuickJS first, hence twice the margin; a watchdog that
    // still allowed for instantiation inside the load's limit would stop it 2 s later.
    const replaced = events.map((event) => event.type).lastIndexOf('worker-replaced');
    expect(eventTimes[replaced]! - started).toBeLessThan(loadCpuMs + GRACE_MS + 2 * MARGIN_MS);
    expect((await bystander.call('ping')).value).toEqual(expect.any(Number));
  });

  it('never quarantined the victim, because each failure was followed by a success', () => {
    expect(victim.status()).toMatchObject({ state: 'ready', failuresInRow: 0 });
    expect(events.some((event) => event.type === 'quarantined')).toBe(false);
  });
});
