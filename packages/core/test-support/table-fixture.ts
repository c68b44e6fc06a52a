/**
 * Test support for the table model (not part of the public API): a table
 * with a GM, two players and an observer, and a one-call action runner.
 */
import { decide } from '../src/actions/decide.js';
import type { TableAction, TableActionMap, TableActionType } from '../src/actions/action-types.js';
import type { TableEvent, ViewEvent } from '../src/events/event-types.js';
import { createTableState, type TableState } from '../src/model/state.js';
import { applyEvent } from '../src/reducer/apply-event.js';
import { commit } from '../src/reducer/commit.js';
import { projectEvent } from '../src/views/project-event.js';

/** User ids of the fixture table. */
export const USERS = { gm: 'u-gm', p1: 'u-p1', p2: 'u-p2', obs: 'u-obs' } as const;

/** Runs one action through decide and commit; throws what decide throws. */
export function run<T extends TableActionType>(
  state: TableState,
  userId: string,
  type: T,
  payload: TableActionMap[T],
  now = 1_000,
): { state: TableState; events: TableEvent[] } {
  const action = { type, payload } as TableAction;
  return commit(state, decide(state, action, { userId, now }), { author: userId, now });
}

/** The dice seed of the fixture tables unless a test gives another. */
export const FIXTURE_SEED = 7;

/** A table with the four {@link USERS}, a scene `s1` with fog off, and actors `a1` (p1's) and `a2` (p2's). */
export function fixtureTable(seed = FIXTURE_SEED): TableState {
  let s = createTableState({ campaignId: 'c1', name: 'Test', gmUserId: USERS.gm, seed });
  s = run(s, USERS.gm, 'core:set-member', { userId: USERS.p1, name: 'Ann', role: 'player' }).state;
  s = run(s, USERS.gm, 'core:set-member', { userId: USERS.p2, name: 'Bob', role: 'player' }).state;
  s = run(s, USERS.gm, 'core:set-member', {
    userId: USERS.obs,
    name: 'Oz',
    role: 'observer',
  }).state;
  s = run(s, USERS.gm, 'core:create-scene', { id: 's1', name: 'Cave' }).state;
  s = run(s, USERS.gm, 'core:create-actor', {
    id: 'a1',
    name: 'Ann PC',
    type: 'character',
    ownership: { [USERS.p1]: 'owner' },
    defaultOwnership: 'observer',
  }).state;
  s = run(s, USERS.gm, 'core:create-actor', {
    id: 'a2',
    name: 'Bob PC',
    type: 'character',
    ownership: { [USERS.p2]: 'owner' },
    defaultOwnership: 'observer',
  }).state;
  return s;
}

/**
 * The id of the document that the first creating event of `events` (one of
 * type `type` when given, else any `...-created` or `...-added`) carries, or
 * `undefined` when there is none.
 */
export function findCreatedId(
  events: readonly TableEvent[],
  type?: TableEvent['type'],
): string | undefined {
  const event = events.find((e) =>
    type === undefined ? /-(created|added)$/.test(e.type) : e.type === type,
  );
  const doc = Object.values(event?.payload ?? {}).find(
    (v): v is { id: string } =>
      typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string',
  );
  return doc?.id;
}

/**
 * {@link findCreatedId}, throwing when no event creates a document: the id
 * the server chose, since only GMs may choose one.
 *
 * @example
 * const r = run(s, USERS.p1, 'core:create-note', { sceneId: 's1', x: 0, y: 0, title: 'Mine' });
 * const noteId = createdId(r.events, 'core:note-created');
 */
export function createdId(events: readonly TableEvent[], type?: TableEvent['type']): string {
  const id = findCreatedId(events, type);
  if (id === undefined) {
    throw new Error(`no ${type ?? 'creating'} event in ${events.map((e) => e.type).join(', ')}`);
  }
  return id;
}

/** The `code` of the VttError `fn` throws, or `undefined` when it does not throw. */
export function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  return undefined;
}

/**
 * {@link fixtureTable} plus a second, hidden scene `s2`, tokens `t1` (a1's),
 * `t2` (a2's), `t3` (no actor) and the secret `hid-1` on `s1`, the secret actor
 * `ha-1` (nobody's), a public note
 * `n1`, a GM note `gn-1` and a running combat with `c1` (t1) and `c2` (hid-1).
 * Secret material uses the markers of `action-arbitraries.ts`.
 */
export function populatedTable(seed = FIXTURE_SEED): TableState {
  let s = fixtureTable(seed);
  const gm = (type: TableActionType, payload: unknown) => {
    s = run(s, USERS.gm, type, payload as never).state;
  };
  gm('core:create-scene', { id: 's2', name: 'Vault', hidden: true });
  gm('core:create-actor', { id: 'ha-1', name: 'SECRETACTOR ha-1', type: 'npc' });
  gm('core:create-token', { id: 't1', sceneId: 's1', name: 'Token t1', x: 0, y: 0, actorId: 'a1' });
  gm('core:create-token', {
    id: 't2',
    sceneId: 's1',
    name: 'Token t2',
    x: 100,
    y: 0,
    actorId: 'a2',
  });
  gm('core:create-token', { id: 't3', sceneId: 's1', name: 'Token t3', x: 200, y: 200 });
  gm('core:create-token', {
    id: 'hid-1',
    sceneId: 's1',
    name: 'SECRETTOKEN hid-1',
    x: 300,
    y: 0,
    hidden: true,
  });
  gm('core:create-note', {
    id: 'n1',
    sceneId: 's1',
    x: 50,
    y: 50,
    title: 'Door',
    visibility: 'public',
  });
  gm('core:create-note', {
    id: 'gn-1',
    sceneId: 's1',
    x: 50,
    y: 50,
    title: 'GMNOTESECRET title',
    text: 'GMNOTESECRET gn-1',
    visibility: 'gm',
  });
  gm('core:start-combat', { sceneId: 's1' });
  gm('core:add-combatant', { id: 'c1', tokenId: 't1' });
  gm('core:add-combatant', { id: 'c2', tokenId: 'hid-1' });
  return s;
}

/** Runs an action and returns what `viewerId` receives of its events, and the new state. */
export function runAndProject<T extends TableActionType>(
  state: TableState,
  userId: string,
  type: T,
  payload: TableActionMap[T],
  viewerId: string,
): { state: TableState; received: ViewEvent[] } {
  const { events } = run(state, userId, type, payload);
  const received: ViewEvent[] = [];
  let before = state;
  for (const event of events) {
    const after = applyEvent(before, event);
    received.push(...projectEvent(event, before, after, viewerId));
    before = after;
  }
  return { state: before, received };
}
