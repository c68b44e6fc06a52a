import { afterEach, describe, expect, it } from 'vitest';
import {
  createPooledSandboxHost,
  createSandboxHost,
  type SandboxEvent,
  type SandboxHost,
  type WorkerTransport,
} from './index.js';
import { spawnNodeWorker } from './node-transport.js';
import { compileQuickJsWasm } from './node-wasm.js';

const FLAKY = `
let calls = 0;
export function ok() { calls += 1; return calls; }
export function fail() { throw new Error('rules bug'); }
export function spin() { for (;;) {} }
export function stuck() { return Array.prototype.indexOf.call({ length: 2 ** 32 - 1 }, 0); }
`;

describe('quarantine and recovery', () => {
  let host: SandboxHost | undefined;
  afterEach(async () => {
    await host?.close();
  });

  it('quarantines an instance after repeated failures while another keeps working', async () => {
    const events: SandboxEvent[] = [];
    host = await createSandboxHost({
      limits: { quarantineAfter: 3, cpuMs: 50 },
      onEvent: (e) => events.push(e),
    });
    const flaky = await host.createInstance({ key: 'table-1:flaky', source: FLAKY });
    const steady = await host.createInstance({ key: 'table-2:steady', source: FLAKY });

    await expect(flaky.call('fail')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
    });
    expect((await flaky.call('ok')).value).toBe(1); // a success resets the count
    await expect(flaky.call('fail')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
    });
    await expect(flaky.call('spin')).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_TIMEOUT' });
    expect(flaky.status()).toMatchObject({ state: 'ready', failuresInRow: 2 });
    await expect(flaky.call('fail')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
    });

    expect(flaky.status()).toMatchObject({ state: 'quarantined', failuresInRow: 3 });
    expect(events.filter((e) => e.type === 'quarantined')).toMatchObject([
      { key: 'table-1:flaky', failures: 3, error: { code: 'VTT_ERR_SANDBOX_MODULE_THREW' } },
    ]);
    // Refused on the spot, without a round trip to the worker: the refusal settles within
    // microtasks, before any message from a worker (a macrotask) could arrive.
    let refusedAtOnce = false;
    const refused = flaky.call('ok').finally(() => (refusedAtOnce = true));
    for (let tick = 0; tick < 10; tick++) await Promise.resolve();
    expect(refusedAtOnce).toBe(true);
    await expect(refused).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_QUARANTINED',
      params: { key: 'table-1:flaky', failures: 3, lastCode: 'VTT_ERR_SANDBOX_MODULE_THREW' },
      message: expect.stringContaining('GM'),
    });

    for (let i = 1; i <= 5; i++) expect((await steady.call('ok')).value).toBe(i);

    await flaky.dispose();
    await expect(flaky.call('ok')).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_DISPOSED' });
    const reloaded = await host.createInstance({ key: 'table-1:flaky', source: FLAKY });
    expect((await reloaded.call('ok')).value).toBe(1);
  });

  it('fails the running call of a crashed worker, replaces the worker and reloads its instances', async () => {
    const transports: { kill(): void }[] = [];
    const events: SandboxEvent[] = [];
    host = createPooledSandboxHost({
      workers: 1,
      wasmModule: await compileQuickJsWasm(),
      onEvent: (e) => events.push(e),
      spawn: (context) => {
        const real = spawnNodeWorker(context);
        let onFailure: (reason: string) => void = () => undefined;
        const transport: WorkerTransport = {
          post: (request) => real.post(request),
          listen(handlers) {
            onFailure = handlers.failure;
            real.listen(handlers);
          },
          terminate: () => real.terminate(),
        };
        transports.push({
          kill() {
            real.terminate(); // a real death of the real thread, reported like an unexpected exit
            onFailure('the worker exited with code 1');
          },
        });
        return transport;
      },
    });
    const first = await host.createInstance({ key: 'a', source: FLAKY });
    const second = await host.createInstance({ key: 'b', source: FLAKY });
    expect((await second.call('ok')).value).toBe(1);

    const running = first.call('spin');
    setTimeout(() => transports[0]?.kill(), 20);
    await expect(running).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_WORKER_CRASHED' });
    expect(events).toContainEqual({ type: 'worker-replaced', worker: 0, reason: 'crashed' });

    expect((await first.call('ok')).value).toBe(1);
    expect((await second.call('ok')).value).toBe(1); // reloaded: resident state starts over
    expect(
      events.filter((e) => e.type === 'instance-reloaded').map((e) => 'key' in e && e.key),
    ).toEqual(['a', 'b']);
  });

  it('sends no dispose to a worker that replaced the one holding the instance', async () => {
    // Such a dispose would be a fresh worker's first request; one still starting on a loaded
    // machine missed its 1 s watchdog and was replaced again, reloading its other instances.
    const posted: string[][] = [];
    host = createPooledSandboxHost({
      workers: 1,
      wasmModule: await compileQuickJsWasm(),
      limits: { cpuMs: 50, watchdogGraceMs: 50 },
      spawn: (context) => {
        const real = spawnNodeWorker(context);
        const types: string[] = [];
        posted.push(types);
        return {
          post: (request) => {
            types.push(request.type);
            real.post(request);
          },
          listen: (handlers) => real.listen(handlers),
          terminate: () => real.terminate(),
        };
      },
    });
    const disposes = (): number[] =>
      posted.map((types) => types.filter((type) => type === 'dispose').length);

    const stuck = await host.createInstance({ key: 'table-1:stuck', source: FLAKY });
    await expect(stuck.call('stuck')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { watchdog: true },
    });
    await stuck.dispose();
    // A load stopped by the watchdog: createInstance disposes of the instance it failed to load.
    const slowCompile = Array.from({ length: 400_000 }, (_, i) => `var a${i}=${i};`).join('');
    await expect(
      host.createInstance({ key: 'table-2:slow', source: slowCompile, limits: { loadCpuMs: 50 } }),
    ).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { fn: '<load>', watchdog: true },
    });
    expect(disposes()).toEqual([0, 0, 0]);

    // A worker that holds the instance is told to drop it.
    const kept = await host.createInstance({ key: 'table-3:kept', source: FLAKY });
    await kept.dispose();
    expect(disposes()).toEqual([0, 0, 1]);
  });

  it('rejects calls on a closed host and is idempotent to close', async () => {
    host = await createSandboxHost({ workers: 1 });
    const instance = await host.createInstance({ key: 'x', source: FLAKY });
    await host.close();
    await host.close();
    await expect(instance.call('ok')).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_DISPOSED' });
    await expect(host.createInstance({ key: 'y', source: FLAKY })).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_DISPOSED',
    });
  });
});
