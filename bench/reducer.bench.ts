/**
 * Reducer throughput: events/s of core's applyEvent (immutable update, undo
 * bookkeeping, seq check) and of the whole decide+commit pipeline, beside a
 * plain loop that moves the same token with Math.random in the same run.
 */
import {
  applyEvent,
  commit,
  createTableState,
  decide,
  type TableAction,
  type TableEvent,
  type TableState,
} from '@vtt/core';
import { measure, printRows } from './harness.js';

/** A table with one scene holding `count` tokens, built through decide+commit. */
export function tableWithTokens(count: number): TableState {
  let state = createTableState({ campaignId: 'bench', name: 'Bench', gmUserId: 'gm', seed: 1 });
  const act = (action: TableAction) => {
    const drafts = decide(state, action, { userId: 'gm', now: 0 });
    state = commit(state, drafts, { author: 'gm', now: 0 }).state;
  };
  act({ type: 'core:create-scene', payload: { id: 's1', name: 'Map' } } as TableAction);
  for (let i = 0; i < count; i++) {
    act({
      type: 'core:create-token',
      payload: { id: `t${i}`, sceneId: 's1', name: `T${i}`, x: i, y: i },
    } as TableAction);
  }
  return state;
}

function benchApply(tokens: number) {
  let state = tableWithTokens(tokens);
  let i = 0;
  const applied = measure(() => {
    const event = {
      seq: state.seq + 1,
      type: 'core:token-moved',
      author: 'gm',
      time: 0,
      payload: { tokenId: `t${i++ % tokens}`, x: (i * 7) % 1000, y: (i * 13) % 1000 },
    } as TableEvent;
    state = applyEvent(state, event);
  });
  const plain = Array.from({ length: tokens }, () => ({ x: 0, y: 0 }));
  let j = 0;
  const baseline = measure(() => {
    const token = plain[j++ % tokens]!;
    token.x = Math.floor(Math.random() * 1000);
    token.y = Math.floor(Math.random() * 1000);
  });
  return { applied, baseline };
}

function benchPipeline(tokens: number) {
  let state = tableWithTokens(tokens);
  let i = 0;
  return measure(() => {
    const action = {
      type: 'core:move-token',
      payload: { tokenId: `t${i++ % tokens}`, x: i % 1000, y: 5 },
    } as TableAction;
    const drafts = decide(state, action, { userId: 'gm', now: 0 });
    state = commit(state, drafts, { author: 'gm', now: 0 }).state;
  });
}

const SIZES = [50, 500, 5000] as const;

/**
 * Runs the reducer benchmarks and prints two tables: each figure against
 * a plain mutating loop, and each size against the 50-token figure (the
 * per-event cost must not grow with the table: goal within 2x at 5,000).
 */
export function benchReducer(): void {
  const rows = [];
  const scaling = [];
  const first: { apply?: number; pipeline?: number } = {};
  for (const tokens of SIZES) {
    const { applied, baseline } = benchApply(tokens);
    const pipeline = benchPipeline(tokens).perSecond;
    first.apply ??= applied.perSecond;
    first.pipeline ??= pipeline;
    rows.push({
      name: `applyEvent token-moved, ${tokens} tokens`,
      value: applied.perSecond,
      baseline: baseline.perSecond,
      unit: 'events/s',
      better: 'higher' as const,
    });
    rows.push({
      name: `decide+commit move-token, ${tokens} tokens`,
      value: pipeline,
      baseline: baseline.perSecond,
      unit: 'actions/s',
      better: 'higher' as const,
    });
    if (tokens === SIZES[0]) continue;
    scaling.push({
      name: `applyEvent token-moved, ${tokens} vs 50 tokens`,
      value: applied.perSecond,
      baseline: first.apply,
      unit: 'events/s',
      better: 'higher' as const,
    });
    scaling.push({
      name: `decide+commit move-token, ${tokens} vs 50 tokens`,
      value: pipeline,
      baseline: first.pipeline,
      unit: 'actions/s',
      better: 'higher' as const,
    });
  }
  printRows('reducer (baseline: plain loop mutating a token array with Math.random)', rows);
  printRows('reducer scaling (baseline: the same case at 50 tokens, same run)', scaling);
}
