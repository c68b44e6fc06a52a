import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSandboxHost,
  type SandboxEvent,
  type SandboxHost,
  type SandboxInstance,
} from './index.js';

/**
 * QuickJS stops a guest at its deadline by throwing from the interrupt
 * handler, but an async function, a promise job or a `Promise` executor turns
 * that error into a rejected promise, so the guest's code goes on. A call (or
 * a load) that ran into its deadline fails with the timeout code all the same,
 * and never returns a value.
 */
const SWALLOWER = `
let calls = 0;
export function ok() { calls += 1; return { calls }; }
export function spinInAsync() { (async () => { for (;;) {} })(); return 'started'; }
export function spinAfterAwait() { (async () => { await 0; for (;;) {} })(); return 'started'; }
export function spinInThen() { Promise.resolve().then(() => { for (;;) {} }); return 'started'; }
export function spinInExecutor() { new Promise(() => { for (;;) {} }); return 'started'; }
export function spinInGetter() { return { get late() { new Promise(() => { for (;;) {} }); return 1; } }; }
export function asyncForever() { (async () => { for (;;) await 0; })(); return 'started'; }
`;

describe('a call that runs into its deadline fails, whatever its code does with the interrupt', () => {
  let host: SandboxHost;
  let swallower: SandboxInstance;
  const events: SandboxEvent[] = [];

  beforeAll(async () => {
    // The watchdog waits long, so only the interrupt handler can stop these calls in time.
    host = await createSandboxHost({
      workers: 1,
      limits: { cpuMs: 50, watchdogGraceMs: 10_000, quarantineAfter: 100 },
      onEvent: (event) => events.push(event),
    });
    swallower = await host.createInstance({ key: 'table-1:swallower', source: SWALLOWER });
  });

  afterAll(async () => {
    await host.close();
  });

  it.each(['spinInAsync', 'spinAfterAwait', 'spinInThen', 'spinInExecutor', 'spinInGetter'])(
    '%s fails with the timeout code, and the instance keeps its state',
    async (fn) => {
      const before = (await swallower.call('ok')).value as { calls: number };
      await expect(swallower.call(fn)).rejects.toMatchObject({
        code: 'VTT_ERR_SANDBOX_TIMEOUT',
        params: { fn, limitMs: 50 },
      });
      expect(((await swallower.call('ok')).value as { calls: number }).calls).toBe(
        before.calls + 1,
      );
      expect(events.filter((event) => event.type === 'worker-replaced')).toEqual([]);
    },
  );

  it('an endless async loop whose job limit lies past the deadline fails with the timeout code', async () => {
    // 10 million `await 0` take many times 50 ms: the deadline stops the loop, never the
    // job limit, and the interrupted async function must not let the call succeed.
    const busy = await host.createInstance({
      key: 'table-2:busy',
      source: SWALLOWER,
      limits: { maxJobs: 10_000_000 },
    });
    await expect(busy.call('asyncForever')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { fn: 'asyncForever', limitMs: 50 },
    });
    expect((await busy.call('ok')).value).toEqual({ calls: 1 });
    await busy.dispose();
  });

  it('a bundle whose top-level code spins in a Promise executor fails to load with the timeout code', async () => {
    const source = `${SWALLOWER}\nnew Promise(() => { for (;;) {} });\n`;
    await expect(
      host.createInstance({ key: 'table-3:slow-load', source, limits: { loadCpuMs: 50 } }),
    ).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { fn: '<load>', limitMs: 50 },
    });
    expect(events.filter((event) => event.type === 'worker-replaced')).toEqual([]);
  });
});
