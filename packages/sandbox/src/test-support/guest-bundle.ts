/**
 * Hand-written guest bundles and a small table for module-table tests: the
 * host side runs for real (real QuickJS), the guest is plain JavaScript so a
 * test can make it answer anything, hostile replies included.
 */
import {
  commit,
  createTableState,
  decide,
  MODULE_PROTOCOL_VERSION,
  type ModuleManifest,
  type TableState,
} from '@vtt/core';

/** A well-formed `vttDescribe` reply for module `id`, with `overrides` merged in. */
export function description(id: string, overrides: Record<string, unknown> = {}) {
  return {
    protocol: MODULE_PROTOCOL_VERSION,
    id,
    actions: {},
    hooks: { before: [], after: [] },
    derived: [],
    initiative: false,
    initiativePassStep: null,
    rolls: {},
    chatCommands: {},
    macros: {},
    ...overrides,
  };
}

/**
 * A guest bundle: `describe` is sent as the `vttDescribe` reply; `body`
 * defines any other `vtt*` functions (plain JS). Load and apply keep `seq`.
 */
export function guestBundle(describe: unknown, body = ''): string {
  return `
const description = ${JSON.stringify(describe)};
let seq = 0;
export function vttDescribe() { return description; }
export function vttLoad(call) { if (call.seq !== undefined) seq = call.seq; return { seq }; }
export function vttApply(call) { for (const e of call.events) seq = e.seq; return { seq }; }
${body}
`;
}

/** A manifest for module `id` with `capabilities`. */
export function manifestWith(id: string, capabilities: unknown): ModuleManifest {
  return {
    id,
    name: id,
    version: '1.0.0',
    kind: 'addon',
    engine: '^0.1.0',
    capabilities,
  } as ModuleManifest;
}

/**
 * A table with GM `gm`, player `p1` owning actor `a1` and its token `t1`
 * on scene `s1`, and a hidden GM token `secret`.
 */
export function smallTable(): TableState {
  let state = createTableState({ campaignId: 'c1', name: 'T', gmUserId: 'gm', seed: 1 });
  const run = (type: string, payload: unknown) => {
    state = commit(state, decide(state, { type, payload }, { userId: 'gm', now: 1 }), {
      author: 'gm',
      now: 1,
    }).state;
  };
  run('core:set-member', { userId: 'p1', name: 'Pat', role: 'player' });
  run('core:create-scene', { id: 's1', name: 'Keep' });
  run('core:create-actor', {
    id: 'a1',
    name: 'Hero',
    type: 'hero',
    data: {},
    ownership: { p1: 'owner' },
  });
  run('core:create-token', { id: 't1', sceneId: 's1', name: 'Hero', x: 0, y: 0, actorId: 'a1' });
  run('core:create-token', { id: 'secret', sceneId: 's1', name: 'Spy', x: 9, y: 9, hidden: true });
  return state;
}
