import { commit, createTableState, decide, type TableAction, type TableState } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxHost, type SandboxHost } from '../index.js';
import { applyToReplica, loadReplica } from './load-replica.js';

/** A guest that records the parts it gets, and asks to start over once, after its first `docs` part. */
const RECORDER = `
const parts = [];
let restartOnce = true;
export function vttLoad(call) {
  parts.push({ part: call.part ?? 'whole', collection: call.collection ?? null, chars: JSON.stringify(call).length,
    ids: call.part === 'docs' ? Object.keys(call.docs) : [] });
  if (call.part === 'docs' && restartOnce) { restartOnce = false; return { needsLoad: true }; }
  return { seq: 0 };
}
export function vttApply(call) {
  parts.push({ part: 'apply', chars: JSON.stringify(call).length, seqs: call.events.map((e) => e.seq) });
  return { seq: 0 };
}
export function recorded() { return parts; }
`;
const CAP = 16 * 1024;

function tableWithActors(count: number): TableState {
  let state = createTableState({ campaignId: 'c', name: 'C', gmUserId: 'gm', seed: 1 });
  for (let i = 0; i < count; i++) {
    const action = {
      type: 'core:create-actor',
      payload: { id: `a${i}`, name: `Actor ${i}`, type: 'npc', data: { bio: 'b'.repeat(500) } },
    } as TableAction;
    state = commit(state, decide(state, action, { userId: 'gm', now: 1 }), {
      author: 'gm',
      now: 1,
    }).state;
  }
  return state;
}

describe('feeding a replica in parts under the argument cap', () => {
  let host: SandboxHost;
  beforeAll(async () => {
    host = await createSandboxHost({ workers: 1, limits: { maxArgChars: CAP } });
  });
  afterAll(() => host.close());

  it('loads in parts, each under the cap, and starts over when the guest asks', async () => {
    const instance = await host.createInstance({ key: 'c:recorder', source: RECORDER });
    const state = tableWithActors(200);
    await loadReplica(instance, state, { now: 1, moduleId: 'recorder' });
    const parts = (await instance.call('recorded')).value as {
      part: string;
      chars: number;
      ids: string[];
    }[];
    expect(parts.every((p) => p.chars <= CAP)).toBe(true);
    const begins = parts.flatMap((p, i) => (p.part === 'begin' ? [i] : []));
    expect(begins).toEqual([0, 2]); // the first attempt stopped at its first docs part
    const second = parts.slice(2);
    expect(second.at(-1)?.part).toBe('end');
    expect(second.flatMap((p) => p.ids).filter((id) => id.startsWith('a'))).toEqual([
      ...state.actors.keys(),
    ]);
    await instance.dispose();
  });

  it('sends the effects as a collection of parts, not inside the first', async () => {
    const instance = await host.createInstance({ key: 'c:effects', source: RECORDER });
    let state = tableWithActors(3);
    for (let i = 0; i < 60; i++) {
      const action = {
        type: 'core:add-effect',
        payload: {
          target: { collection: 'actors', id: `a${i % 3}` },
          id: `fx${i}`,
          label: `Effect ${i} ${'x'.repeat(150)}`,
          duration: { unit: 'permanent' },
        },
      } as TableAction;
      state = commit(state, decide(state, action, { userId: 'gm', now: 1 }), {
        author: 'gm',
        now: 1,
      }).state;
    }
    await loadReplica(instance, state, { now: 1, moduleId: 'recorder' });
    const parts = (await instance.call('recorded')).value as {
      part: string;
      collection: string | null;
      chars: number;
      ids: string[];
    }[];
    const last = parts.slice(parts.map((p) => p.part).lastIndexOf('begin'));
    expect(last[0]!.chars).toBeLessThan(4_000);
    const effectIds = last.filter((p) => p.collection === 'effects').flatMap((p) => p.ids);
    expect(effectIds.sort()).toEqual([...state.effects.keys()].sort());
    await instance.dispose();
  });

  it('sends templates and drawings as collections of parts too', async () => {
    const instance = await host.createInstance({ key: 'c:marks', source: RECORDER });
    let state = tableWithActors(1);
    const gm = (action: TableAction) => {
      state = commit(state, decide(state, action, { userId: 'gm', now: 1 }), {
        author: 'gm',
        now: 1,
      }).state;
    };
    gm({ type: 'core:create-scene', payload: { id: 's1', name: 'Field' } } as TableAction);
    for (let i = 0; i < 40; i++) {
      gm({
        type: 'core:create-template',
        payload: {
          id: `tp${i}`,
          sceneId: 's1',
          shape: 'circle',
          origin: { x: i, y: i },
          size: 20,
          label: `Fireball ${i} ${'x'.repeat(150)}`,
        },
      } as TableAction);
      gm({
        type: 'core:create-drawing',
        payload: {
          id: `dr${i}`,
          sceneId: 's1',
          shape: 'freehand',
          x: 0,
          y: 0,
          points: Array.from({ length: 30 }, (_, k) => ({ x: k, y: i })),
        },
      } as TableAction);
    }
    await loadReplica(instance, state, { now: 1, moduleId: 'recorder' });
    const parts = (await instance.call('recorded')).value as {
      part: string;
      collection: string | null;
      chars: number;
      ids: string[];
    }[];
    const last = parts.slice(parts.map((p) => p.part).lastIndexOf('begin'));
    expect(last.every((p) => p.chars <= CAP)).toBe(true);
    expect(last[0]!.chars).toBeLessThan(4_000);
    for (const collection of ['templates', 'drawings'] as const) {
      const ids = last.filter((p) => p.collection === collection).flatMap((p) => p.ids);
      expect(ids.sort(), collection).toEqual([...state[collection].keys()].sort());
    }
    await instance.dispose();
  });

  it('applies a batch of events in order, in parts under the cap', async () => {
    const instance = await host.createInstance({ key: 'c:applier', source: RECORDER });
    const state = tableWithActors(100);
    const events = Array.from({ length: 100 }, (_, i) => ({
      seq: i + 1,
      type: 'core:actor-created',
      author: 'gm',
      time: 1,
      payload: { actor: state.actors.get(`a${i}`) },
    }));
    await applyToReplica(instance, events as never, { now: 1, moduleId: 'census' });
    const parts = (await instance.call('recorded')).value as { chars: number; seqs: number[] }[];
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((p) => p.chars <= CAP)).toBe(true);
    expect(parts.flatMap((p) => p.seqs)).toEqual(events.map((e) => e.seq));
    await instance.dispose();
  });
});
