/**
 * The reducer inside QuickJS: a module's replica applying `core:token-moved`
 * events (`vttApply`) at 50, 500 and 5,000 tokens, each size against the
 * 50-token figure of the same run. The per-event cost must not grow with the
 * table inside the sandbox either (goal: within 2x at 5,000).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { TableEvent, TableState } from '@vtt/core';
import { createSandboxHost, type SandboxInstance } from '@vtt/sandbox';
import { bundleModule } from '@vtt/sdk/bundle';
import { applyToReplica, loadReplica } from '../packages/sandbox/src/module-table/load-replica.js';
import { printRows, type Row } from './harness.js';
import { tableWithTokens } from './reducer.bench.js';

const SIZES = [50, 500, 5000] as const;
/** Events per `vttApply` call, so the boundary crossing weighs little beside the reducer. */
const BATCH = 200;
/** Calls per round; the median round is reported. */
const CALLS = 10;
const ROUNDS = 5;
const MODULE_ID = 'heroes';

const entry = fileURLToPath(
  new URL('../packages/sdk/test-fixtures/heroes-module.ts', import.meta.url),
);

/** The next `BATCH` token moves after `seq`, cycling over the table's tokens. */
function moves(seq: number, tokens: number): TableEvent[] {
  return Array.from({ length: BATCH }, (_, k) => {
    const n = seq + k + 1;
    return {
      seq: n,
      type: 'core:token-moved',
      author: 'gm',
      time: 0,
      payload: { tokenId: `t${(n * 7919) % tokens}`, x: (n * 7) % 1000, y: (n * 13) % 1000 },
    } as TableEvent;
  });
}

/** Events per second the replica in `instance` applies, the median over rounds. */
async function applyRate(instance: SandboxInstance, state: TableState, tokens: number) {
  let seq = state.seq;
  const now = 0;
  const call = async () => {
    const batch = moves(seq, tokens);
    seq += BATCH;
    await applyToReplica(instance, batch, { now, moduleId: MODULE_ID });
  };
  for (let i = 0; i < CALLS; i++) await call(); // warm-up
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) await call();
    rates.push((CALLS * BATCH * 1000) / (performance.now() - start));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] ?? 0;
}

/** Runs the replica benchmark and prints its scaling table. */
export async function benchReplica(): Promise<void> {
  const built = await bundleModule({ entry, sourcemap: false });
  if (built.code === null) throw new Error(`fixture does not build: ${built.errors[0]?.text}`);
  const host = await createSandboxHost({ workers: 1 });
  const rows: Row[] = [];
  let first = 0;
  try {
    for (const tokens of SIZES) {
      const state = tableWithTokens(tokens);
      const instance = await host.createInstance({
        key: `bench:replica-${tokens}`,
        source: built.code,
      });
      await loadReplica(instance, state, { now: 0, moduleId: MODULE_ID });
      const rate = await applyRate(instance, state, tokens);
      await instance.dispose();
      first ||= rate;
      rows.push({
        name: `vttApply token-moved in QuickJS, ${tokens} tokens`,
        value: rate,
        baseline: first,
        unit: 'events/s',
        better: 'higher',
      });
    }
  } finally {
    await host.close();
  }
  printRows(
    `sandbox replica scaling (batches of ${BATCH} events; baseline: the same case at 50 tokens, same run)`,
    rows,
  );
}
