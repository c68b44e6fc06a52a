/**
 * Sandbox costs: a module action with the table state resident in the
 * sandbox (p50/p99) beside the same rule called natively in the same run,
 * and beside a bare worker thread's echo (what any call pays to cross threads);
 * instance creation; loading a 100 KB bundle; memory per table instance.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { commit, createTableState, decide, type TableAction, type TableState } from '@vtt/core';
import { createSandboxHost } from '@vtt/sandbox';
import { bundleModule } from '@vtt/sdk/bundle';
import { createGuestEntry } from '@vtt/sdk/guest';
import heroes from '../packages/sdk/test-fixtures/heroes-module.js';
import { latency, printRows } from './harness.js';

/** How long the sandbox is called before the "warm" latency is measured. */
const WARM_MS = 3_000;

const entry = fileURLToPath(
  new URL('../packages/sdk/test-fixtures/heroes-module.ts', import.meta.url),
);

function tableState(actors: number): TableState {
  let state = createTableState({ campaignId: 'bench', name: 'Bench', gmUserId: 'gm', seed: 1 });
  for (let i = 0; i < actors; i++) {
    const action = {
      type: 'core:create-actor',
      payload: {
        id: `a${i}`,
        name: `Hero ${i}`,
        type: 'hero',
        data: { score: 10 + (i % 8), hp: 10 },
      },
    } as TableAction;
    state = commit(state, decide(state, action, { userId: 'gm', now: 0 }), {
      author: 'gm',
      now: 0,
    }).state;
  }
  return state;
}

/**
 * The floor of any sandbox call: one message to a worker thread and its
 * answer, with nothing done in between (the machine's thread wake-ups).
 */
async function workerEcho(): Promise<{ p50: number; p99: number }> {
  const worker = new Worker(
    "require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m));",
    { eval: true },
  );
  const request = { type: 'call', id: 1, key: 'bench:echo', fn: 'ping', argJson: 'null', now: 0 };
  try {
    return await latency(
      () =>
        new Promise((resolve) => {
          worker.once('message', resolve);
          worker.postMessage(request);
        }),
      5000,
    );
  } finally {
    await worker.terminate();
  }
}

/** Runs the sandbox benchmarks and prints their table. */
export async function benchSandbox(): Promise<void> {
  const built = await bundleModule({ entry, sourcemap: false });
  if (built.code === null) throw new Error(`fixture does not build: ${built.errors[0]?.text}`);
  const source = built.code;
  const state = tableState(50);
  const { seq, rng: _rng, undo: _undo, ...docs } = state;
  const load = { docs, seq, viewerId: null };
  const call = {
    type: 'heroes:heal',
    payload: { actorId: 'a7', amount: 2 },
    user: { id: 'gm', role: 'gm' },
  };

  const native = createGuestEntry(heroes);
  native.vttLoad(load as never);
  const nativeLatency = await latency(async () => native.vttAction(call as never), 5000);

  const echo = await workerEcho();
  const host = await createSandboxHost({ workers: 1 });
  const pinger = await host.createInstance({
    key: 'bench:ping',
    source: 'export function ping() { return 1; }',
  });
  const ping = await latency(() => pinger.call('ping', null), 5000);
  await pinger.dispose();
  const instance = await host.createInstance({ key: 'bench:heroes', source });
  await instance.call('vttLoad', load as never);
  const sandboxLatency = await latency(() => instance.call('vttAction', call as never), 5000);
  // V8 first runs QuickJS's WebAssembly as baseline (Liftoff) code and tiers hot functions up
  // in the background; a long-running server calls the optimised code. Measure both.
  const warmUntil = performance.now() + WARM_MS;
  while (performance.now() < warmUntil) await instance.call('vttAction', call as never);
  const warmLatency = await latency(() => instance.call('vttAction', call as never), 5000);
  const nativeWarm = await latency(async () => native.vttAction(call as never), 5000);

  const plainSource = 'export function ping() { return 1; }';
  const creation = await latency(async () => {
    const created = await host.createInstance({ key: 'bench:create', source: plainSource });
    await created.dispose();
  }, 100);
  // A real module bundle (SDK guest runtime + the parts of core it uses) is about 100 KB already.
  const padTo = 100 * 1024 - source.length;
  const big =
    padTo > 0 ? `export const padding = ${JSON.stringify('x'.repeat(padTo))};\n${source}` : source;
  const bigLoad = await latency(async () => {
    const created = await host.createInstance({ key: 'bench:big', source: big });
    await created.dispose();
  }, 50);

  const count = 20;
  const rssBefore = process.memoryUsage().rss;
  for (let i = 0; i < count; i++) {
    const table = await host.createInstance({ key: `bench:table-${i}`, source });
    await table.call('vttLoad', { docs: tableState(0), seq: 0, viewerId: null } as never);
  }
  const perInstance = (process.memoryUsage().rss - rssBefore) / count / 1024;
  await host.close();

  printRows(
    'sandbox: module action with resident state (baseline: the same rule called natively)',
    [
      {
        name: 'heroes:heal p50',
        value: sandboxLatency.p50,
        baseline: nativeLatency.p50,
        unit: 'µs',
        better: 'lower',
      },
      {
        name: 'heroes:heal p99',
        value: sandboxLatency.p99,
        baseline: nativeLatency.p99,
        unit: 'µs',
        better: 'lower',
      },
      {
        name: `heroes:heal p50 after ${WARM_MS / 1000} s of calls`,
        value: warmLatency.p50,
        baseline: nativeWarm.p50,
        unit: 'µs',
        better: 'lower',
      },
      {
        name: `heroes:heal p99 after ${WARM_MS / 1000} s of calls`,
        value: warmLatency.p99,
        baseline: nativeWarm.p99,
        unit: 'µs',
        better: 'lower',
      },
      {
        name: 'call of a function returning 1, p50 (baseline: worker echo)',
        value: ping.p50,
        baseline: echo.p50,
        unit: 'µs',
        better: 'lower',
      },
      {
        name: 'heroes:heal p50 after warm-up (baseline: worker echo)',
        value: warmLatency.p50,
        baseline: echo.p50,
        unit: 'µs',
        better: 'lower',
      },
      {
        name: 'instance creation p50 (tiny bundle)',
        value: creation.p50,
        baseline: sandboxLatency.p50,
        unit: 'µs',
        better: 'lower',
      },
      {
        name: `load of a ${Math.round(big.length / 1024)} KB module bundle p50`,
        value: bigLoad.p50,
        baseline: creation.p50,
        unit: 'µs',
        better: 'lower',
      },
      {
        name: 'process memory per table instance',
        value: perInstance,
        baseline: 256,
        unit: 'KiB',
        better: 'lower',
      },
    ],
  );
  process.stdout.write(
    'baselines: the native rule for the calls (measured again after the warm-up); a message to a bare worker thread and back (the floor of any call); one sandbox call for creation; a tiny bundle for the 100 KB load; the 256 KiB goal for memory\n',
  );
}
