import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxHost, type SandboxHost, type SandboxInstance } from './index.js';

/**
 * A failed call leaves no work behind: promise jobs it queued before it was
 * stopped never run in the next, innocent call.
 */
const HOSTILE = `
let ran = 0;
export function innocent() { return { ran }; }
export function queueThenSpin(n) {
  for (let i = 0; i < n; i++) Promise.resolve().then(() => { ran += 1; });
  for (;;) {}
}
export function queueThenThrow(n) {
  for (let i = 0; i < n; i++) Promise.resolve().then(() => { ran += 1; });
  throw new Error('rules bug');
}
export async function queueThenReject(n) {
  for (let i = 0; i < n; i++) Promise.resolve().then(() => { ran += 1; });
  throw new Error('async rules bug');
}
export function throwClean() { throw new Error('no jobs queued'); }
export function getterQueues(n) {
  return { get late() { for (let i = 0; i < n; i++) Promise.resolve().then(() => { ran += 1; }); return n; } };
}
export function ok() { ran += 1; return ran; }
`;

describe('after a failed call, the next call starts clean', () => {
  let host: SandboxHost;
  let hostile: SandboxInstance;

  beforeAll(async () => {
    host = await createSandboxHost({ workers: 1, limits: { cpuMs: 1_000, quarantineAfter: 100 } });
    hostile = await host.createInstance({ key: 'table-1:hostile', source: HOSTILE });
  });

  afterAll(async () => {
    await host.close();
  });

  it.each([
    ['queueThenSpin', 'VTT_ERR_SANDBOX_TIMEOUT'],
    ['queueThenThrow', 'VTT_ERR_SANDBOX_MODULE_THREW'],
  ])(
    '%s of 20,000 promise jobs (over maxJobs) fails with %s; the innocent call then succeeds',
    async (fn, code) => {
      await expect(hostile.call(fn, 20_000)).rejects.toMatchObject({
        code,
        params: { leftoverJobs: true },
      });
      // The queued jobs never ran: not in this call, not in the next (which would fail JOB_LIMIT).
      expect((await hostile.call('innocent')).value).toEqual({ ran: 0 });
    },
  );

  it('an async function that throws after queueing jobs has them run within its own budget', async () => {
    await expect(hostile.call('queueThenReject', 500)).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
    });
    expect((await hostile.call('innocent')).value).toEqual({ ran: 500 });
  });

  it('keeps the state of a failed call that left nothing queued', async () => {
    const before = (await hostile.call('ok')).value as number;
    await expect(hostile.call('throwClean')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
    });
    expect((await hostile.call('ok')).value).toBe(before + 1);
  });

  it('runs jobs that a getter queues while the result is serialised within that call', async () => {
    const before = ((await hostile.call('innocent')).value as { ran: number }).ran;
    expect((await hostile.call('getterQueues', 3)).value).toEqual({ late: 3 });
    expect((await hostile.call('innocent')).value).toEqual({ ran: before + 3 });
    // Too many of them fail that call, not the next one.
    await expect(hostile.call('getterQueues', 20_000)).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_JOB_LIMIT',
    });
    expect((await hostile.call('innocent')).value).toEqual({ ran: 0 });
  });
});
