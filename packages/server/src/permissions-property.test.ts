/**
 * A seeded property test of the live server's permissions: a GM, two
 * players (A, B) and an observer at one table on a real server (127.0.0.1,
 * SQLite, D&D 5e). Each run, a random member sends a random action on a
 * random document (or a missing id) as a raw `action` request over their
 * socket. The expected answer comes from the engine itself: `decide` from
 * `@vtt/core` on the state the GM's socket holds (its snapshot with every
 * event folded in), cross-checked against the rule table written below.
 *
 * A refusal must answer `rejected` with the expected code, and no socket
 * (GM, the other player, the observer, the sender) may receive any event
 * for it: a marker ping from a second GM socket closes the window in which
 * a leaked event would have arrived. An allowed action must be acked, reach
 * every socket whose user may see the document, and then is undone by its
 * sender, after which the GM's documents must be as before, so runs are
 * independent.
 *
 * Seed: `VTT_PERMISSION_SEED` (an integer), else the default below; it is
 * in the test's name.
 */
import {
  decide,
  applyViewEvent,
  isVttError,
  reviveView,
  viewDoc,
  type AckMessage,
  type DocCollection,
  type Member,
  type RejectedMessage,
  type RngState,
  type ServerMessage,
  type SnapshotMessage,
  type TableState,
  type TableView,
} from '@vtt/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignWith } from './test-support/asset-uploads.js';
import { WITH_EXAMPLES } from './test-support/examples.js';
import { addUser, setupAdmin, type TestUser } from './test-support/http-client.js';
import { LiveClient } from './test-support/live-client.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';
import { fighterData } from './test-support/dnd5e-data.js';

const SEED_TEXT = process.env['VTT_PERMISSION_SEED'];
const SEED =
  SEED_TEXT === undefined || SEED_TEXT === '' ? 20_240_611 : Number.parseInt(SEED_TEXT, 10);
if (!Number.isSafeInteger(SEED)) throw new Error(`VTT_PERMISSION_SEED is no integer: ${SEED_TEXT}`);
const NUM_RUNS = 100;

let server: TestServer;
let gm: TestUser;
let ana: TestUser; // player A
let bo: TestUser; // player B
let obi: TestUser; // observer
let campaignId: string;
/** The GM's acting socket, whose snapshot and events are the expected state. */
let gmc: LiveClient;
/** A second GM socket: it sends the marker pings that close each window. */
let gmMarker: LiveClient;
const clients = new Map<TestUser, LiveClient>();

// ---------------------------------------------------------------------------
// The GM's replica: the snapshot it received at join, every event folded in.

let gmView: TableView | null = null;
let gmSeq = 0;
let gmFolded = 0;

/** Folds every message the GM socket received since the last call into its view. */
function gmState(): TableState {
  const messages = gmc.messages;
  for (; gmFolded < messages.length; gmFolded++) {
    const m = messages[gmFolded]!;
    if (m.type === 'snapshot') {
      gmView = reviveView((m as SnapshotMessage).view);
      gmSeq = m.seq;
    } else if (m.type === 'events' && gmView !== null) {
      for (const e of m.events) {
        if (e.seq <= gmSeq) continue;
        gmView = applyViewEvent(gmView, e);
        gmSeq = e.seq;
      }
    }
  }
  if (gmView === null) throw new Error('the GM socket has no snapshot');
  // `decide` on these actions rolls no dice and reads no undo stack.
  return { ...gmView, seq: gmSeq, rng: {} as RngState, undo: {} };
}

/** Waits until the GM socket has heard `seq`. */
async function gmHeard(seq: number): Promise<void> {
  if (gmSeq >= seq) return;
  await gmc.next((m) => m.type === 'events' && m.events.some((e) => e.seq >= seq));
  gmState();
}

async function gmActs(...actions: [string, unknown][]): Promise<void> {
  for (const [type, payload] of actions) {
    const answer = await gmc.action(type, payload);
    expect(answer.type, `${type}: ${JSON.stringify(answer)}`).toBe('ack');
    await gmHeard((answer as AckMessage).seq);
  }
}

// ---------------------------------------------------------------------------
// The documents.

const SCENE = 'hall';
const HIDDEN_SCENE = 'vault';
const MISSING = 'no-such-doc';

/** Named targets; A's note id is read from the table once A made it. */
type Target =
  | 'scene'
  | 'hiddenScene'
  | 'tokenA'
  | 'tokenB'
  | 'tokenNobody'
  | 'tokenHidden'
  | 'tokenOnHiddenScene'
  | 'actorA'
  | 'actorB'
  | 'actorNobody'
  | 'actorHidden'
  | 'noteA'
  | 'noteGm'
  | 'missing';

const FIXED_IDS: Record<Exclude<Target, 'noteA'>, string> = {
  scene: SCENE,
  hiddenScene: HIDDEN_SCENE,
  tokenA: 't-ayla',
  tokenB: 't-brom',
  tokenNobody: 't-ogre',
  tokenHidden: 't-lurker',
  tokenOnHiddenScene: 't-vault',
  actorA: 'ayla',
  actorB: 'brom',
  actorNobody: 'ogre',
  actorHidden: 'lurker',
  noteGm: 'gm-note',
  missing: MISSING,
};
let noteAId = '';
const idOf = (t: Target): string => (t === 'noteA' ? noteAId : FIXED_IDS[t]);

const TOKENS: Target[] = ['tokenA', 'tokenB', 'tokenNobody', 'tokenHidden', 'tokenOnHiddenScene'];
const ACTORS: Target[] = ['actorA', 'actorB', 'actorNobody', 'actorHidden'];
const NOTES: Target[] = ['noteA', 'noteGm'];
const SCENES: Target[] = ['scene', 'hiddenScene'];
const ALL: Target[] = [...TOKENS, ...ACTORS, ...NOTES, ...SCENES, 'missing'];

type Kind =
  | 'move-token'
  | 'rename-token'
  | 'hide-token'
  | 'delete-token'
  | 'rename-actor'
  | 'delete-note'
  | 'retitle-note'
  | 'create-note';

/** The documents each kind of action is meant for (any other id may be drawn too). */
const POOL: Record<Kind, Target[]> = {
  'move-token': TOKENS,
  'rename-token': TOKENS,
  'hide-token': TOKENS,
  'delete-token': TOKENS,
  'rename-actor': ACTORS,
  'delete-note': NOTES,
  'retitle-note': NOTES,
  'create-note': SCENES,
};

/** The collection of the document an action of `kind` names. */
const COLLECTION: Record<Kind, DocCollection> = {
  'move-token': 'tokens',
  'rename-token': 'tokens',
  'hide-token': 'tokens',
  'delete-token': 'tokens',
  'rename-actor': 'actors',
  'delete-note': 'notes',
  'retitle-note': 'notes',
  'create-note': 'scenes',
};

type Who = 'ana' | 'bo' | 'obi';
const userOf = (who: Who): TestUser => ({ ana, bo, obi })[who];

interface Case {
  readonly who: Who;
  readonly kind: Kind;
  readonly target: Target;
  readonly x: number;
  readonly y: number;
  readonly n: number;
}

function actionOf(c: Case, state: TableState): { type: string; payload: Record<string, unknown> } {
  const id = idOf(c.target);
  switch (c.kind) {
    case 'move-token':
      return { type: 'core:move-token', payload: { tokenId: id, x: c.x, y: c.y } };
    case 'rename-token':
      return { type: 'core:update-token', payload: { tokenId: id, patch: { name: `T${c.n}` } } };
    case 'hide-token': {
      const hidden = state.tokens.get(id)?.hidden ?? false;
      return { type: 'core:update-token', payload: { tokenId: id, patch: { hidden: !hidden } } };
    }
    case 'delete-token':
      return { type: 'core:delete-token', payload: { tokenId: id } };
    case 'rename-actor':
      return { type: 'core:update-actor', payload: { actorId: id, patch: { name: `A${c.n}` } } };
    case 'delete-note':
      return { type: 'core:delete-note', payload: { noteId: id } };
    case 'retitle-note':
      return { type: 'core:update-note', payload: { noteId: id, patch: { title: `N${c.n}` } } };
    case 'create-note':
      return {
        type: 'core:create-note',
        payload: { sceneId: id, x: c.x, y: c.y, title: `New ${c.n}`, visibility: 'public' },
      };
  }
}

/** The engine's answer: null when allowed, else the error code. */
function engineSays(state: TableState, userId: string, action: unknown): string | null {
  try {
    decide(state, action, { userId, now: Date.now() });
    return null;
  } catch (error) {
    if (isVttError(error)) return error.code;
    throw error;
  }
}

/**
 * The rules as the docs state them, written out independently of the
 * engine: hidden or missing targets are not found (before anything else);
 * observers change nothing; a token's owner (through its actor) may move it
 * but not rename or unhide it; nobody but the GM deletes tokens; an actor's
 * owner may rename it; a public note's author may retitle and delete it;
 * players may put notes on scenes they see.
 */
function rulesSay(state: TableState, member: Member, c: Case): string | null {
  const id = idOf(c.target);
  const NOT_FOUND = 'VTT_ERR_DOCUMENT_NOT_FOUND';
  const observer = member.role === 'observer';
  const sceneSeen = (sceneId: string): boolean => state.scenes.get(sceneId)?.hidden === false;
  const level = (actorId: string | null): string => {
    const actor = actorId === null ? undefined : state.actors.get(actorId);
    return actor === undefined ? 'none' : (actor.ownership[member.id] ?? actor.defaultOwnership);
  };
  switch (COLLECTION[c.kind]) {
    case 'tokens': {
      const token = state.tokens.get(id);
      if (token === undefined || token.hidden || !sceneSeen(token.sceneId)) return NOT_FOUND;
      if (observer) return 'VTT_ERR_PERMISSION_OBSERVER';
      if (c.kind === 'delete-token') return 'VTT_ERR_PERMISSION_GM_ONLY';
      if (level(token.actorId) !== 'owner') return 'VTT_ERR_PERMISSION_NOT_OWNER';
      return c.kind === 'move-token' ? null : 'VTT_ERR_PERMISSION_FIELD';
    }
    case 'actors': {
      if (level(state.actors.has(id) ? id : null) === 'none') return NOT_FOUND;
      if (observer) return 'VTT_ERR_PERMISSION_OBSERVER';
      return level(id) === 'owner' ? null : 'VTT_ERR_PERMISSION_NOT_OWNER';
    }
    case 'notes': {
      const note = state.notes.get(id);
      if (note === undefined || note.visibility !== 'public' || !sceneSeen(note.sceneId))
        return NOT_FOUND;
      if (observer) return 'VTT_ERR_PERMISSION_OBSERVER';
      return note.author === member.id ? null : 'VTT_ERR_PERMISSION_NOT_OWNER';
    }
    default: {
      if (!sceneSeen(id)) return NOT_FOUND;
      return observer ? 'VTT_ERR_PERMISSION_OBSERVER' : null;
    }
  }
}

// ---------------------------------------------------------------------------
// Windows on the sockets.

let markerCount = 0;
let lastMarker = 0;

/**
 * Sends a marker ping from the second GM socket and answers, for each
 * listener, the messages it received from `from[i]` up to the marker.
 */
async function window(
  listeners: readonly LiveClient[],
  from: readonly number[],
): Promise<ServerMessage[][]> {
  const x = 0.5 + ++markerCount;
  const isMarker = (m: ServerMessage): boolean =>
    m.type === 'ephemeral' && m.kind === 'pointer' && m.x === x;
  // Pings are rate-limited (30 a second, 60 at once): keep well under the rate.
  const wait = lastMarker + 1000 / 25 - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  lastMarker = performance.now();
  gmMarker.send({ type: 'ephemeral', kind: 'pointer', sceneId: SCENE, x, y: 1 });
  try {
    await Promise.all(listeners.map((c) => c.next(isMarker)));
  } catch (error) {
    const tail = (c: LiveClient) => c.frames.slice(-4).join('\n  ');
    throw new Error(
      `marker ${x} not heard: ${String(error)}\nmarker socket:\n  ${tail(gmMarker)}\n` +
        listeners.map((c, i) => `listener ${i}:\n  ${tail(c)}`).join('\n'),
      { cause: error },
    );
  }
  return listeners.map((c, i) => {
    const end = c.messages.findIndex((m, j) => j >= from[i]! && isMarker(m));
    return c.messages.slice(from[i], end);
  });
}

/** The collections an undo must put back. */
const docsOf = (s: TableState): string =>
  JSON.stringify({ tokens: s.tokens, actors: s.actors, notes: s.notes, scenes: s.scenes });

beforeAll(async () => {
  server = await startTestServer(WITH_EXAMPLES);
  gm = await setupAdmin(server);
  [ana, bo, obi] = await Promise.all([
    addUser(server, gm, 'ana'),
    addUser(server, gm, 'bo'),
    addUser(server, gm, 'obi'),
  ]);
  campaignId = await campaignWith(server, gm, [
    { user: ana, role: 'player' },
    { user: bo, role: 'player' },
    { user: obi, role: 'observer' },
  ]);
  gmc = await LiveClient.open(server, campaignId, gm);
  await gmc.join();
  gmState();
  gmMarker = await LiveClient.open(server, campaignId, gm);
  await gmMarker.join();
  for (const user of [ana, bo, obi]) {
    const client = await LiveClient.open(server, campaignId, user);
    await client.join();
    clients.set(user, client);
  }
  clients.set(gm, gmc);

  const actor = (id: string, name: string, ownership: object, defaultOwnership: string) => [
    'core:create-actor',
    { id, name, type: 'character', data: fighterData(), ownership, defaultOwnership },
  ];
  await gmActs(
    ['core:create-scene', { id: SCENE, name: 'Hall', width: 4000, height: 4000 }],
    ['core:create-scene', { id: HIDDEN_SCENE, name: 'Vault', hidden: true }],
    actor('ayla', 'Ayla', { [ana.id]: 'owner' }, 'limited') as [string, unknown],
    actor('brom', 'Brom', { [bo.id]: 'owner' }, 'none') as [string, unknown],
    actor('ogre', 'Ogre', {}, 'observer') as [string, unknown],
    actor('lurker', 'Lurker', {}, 'none') as [string, unknown],
    [
      'core:create-token',
      { id: 't-ayla', sceneId: SCENE, name: 'Ayla', x: 100, y: 100, actorId: 'ayla' },
    ],
    [
      'core:create-token',
      { id: 't-brom', sceneId: SCENE, name: 'Brom', x: 300, y: 100, actorId: 'brom' },
    ],
    [
      'core:create-token',
      { id: 't-ogre', sceneId: SCENE, name: 'Ogre', x: 500, y: 500, actorId: 'ogre' },
    ],
    [
      'core:create-token',
      // Hidden, though A owns its actor: owning it must not reveal it.
      {
        id: 't-lurker',
        sceneId: SCENE,
        name: 'Lurker',
        x: 700,
        y: 700,
        actorId: 'ayla',
        hidden: true,
      },
    ],
    [
      'core:create-token',
      { id: 't-vault', sceneId: HIDDEN_SCENE, name: 'Warden', x: 50, y: 50, actorId: 'brom' },
    ],
    [
      'core:create-note',
      { id: 'gm-note', sceneId: SCENE, x: 900, y: 900, title: 'Trap', visibility: 'gm' },
    ],
  );
  // Player A makes the public note, without an id: players may not choose ids.
  const made = await clients.get(ana)!.action('core:create-note', {
    sceneId: SCENE,
    x: 200,
    y: 200,
    title: 'Map',
    visibility: 'public',
  });
  expect(made.type, JSON.stringify(made)).toBe('ack');
  await gmHeard((made as AckMessage).seq);
  const created = clients
    .get(ana)!
    .messages.flatMap((m) => (m.type === 'events' ? m.events : []))
    .find((e) => e.seq === (made as AckMessage).seq && e.type === 'core:note-created');
  noteAId = (created?.payload as { note?: { id?: string } } | undefined)?.note?.id ?? '';
  expect(gmState().notes.get(noteAId)?.author).toBe(ana.id);
}, 60_000);
afterAll(async () => {
  for (const c of [...clients.values(), gmMarker]) await c?.close();
  await server?.dispose();
});

/** What a member owns or wrote, to draw more often than chance would (allowed runs are rarer). */
const OWN: Record<Who, Target[]> = {
  ana: ['tokenA', 'actorA', 'noteA', 'tokenHidden', 'scene'],
  bo: ['tokenB', 'actorB', 'tokenOnHiddenScene', 'scene'],
  obi: [],
};

function poolFor(r: { who: Who; kind: Kind; pick: number; anyTarget: boolean; mine: boolean }) {
  if (r.anyTarget && r.pick % 3 === 0) return ALL;
  const own = POOL[r.kind].filter((t) => OWN[r.who].includes(t));
  return r.mine && own.length > 0 ? own : POOL[r.kind];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    who: fc.constantFrom<Who>('ana', 'bo', 'obi'),
    kind: fc.constantFrom<Kind>(
      'move-token',
      'rename-token',
      'hide-token',
      'delete-token',
      'rename-actor',
      'delete-note',
      'retitle-note',
      'create-note',
    ),
    x: fc.integer({ min: 0, max: 3000 }),
    y: fc.integer({ min: 0, max: 3000 }),
    n: fc.nat({ max: 1_000_000 }),
    pick: fc.nat({ max: 999 }),
    anyTarget: fc.boolean(),
    mine: fc.boolean(),
  })
  .chain((r) =>
    fc.constantFrom(...poolFor(r)).map((target) => ({
      who: r.who,
      kind: r.kind,
      target,
      x: r.x,
      y: r.y,
      n: r.n,
    })),
  );

describe('permissions on the live server', () => {
  it(`answers every member's action as the engine's rules do (seed ${SEED})`, async () => {
    const seen: string[] = [];
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const user = userOf(c.who);
        const sender = clients.get(user)!;
        const state = gmState();
        const member = state.members.get(user.id)!;
        const action = actionOf(c, state);
        const label = `seed ${SEED}: ${c.who} ${action.type} ${JSON.stringify(action.payload)}`;
        const expected = engineSays(state, user.id, action);
        // The engine and the written rules must agree before the server is asked.
        expect(expected, `engine vs rules, ${label}`).toBe(rulesSay(state, member, c));
        seen.push(`${c.who} ${c.kind} ${c.target} -> ${expected ?? 'ok'}`);

        const listeners = [gmc, clients.get(ana)!, clients.get(bo)!, clients.get(obi)!];
        const from = listeners.map((l) => l.messages.length);
        const before = docsOf(state);
        const answer = await sender.request({ type: 'action', action });

        if (expected !== null) {
          expect(answer.type, `${label}: ${JSON.stringify(answer)}`).toBe('rejected');
          expect((answer as RejectedMessage).error.code, label).toBe(expected);
          const windows = await window(listeners, from);
          windows.forEach((w, i) => {
            const leaked = w.filter(
              (m) => m.type === 'events' && m.events.some((e) => e.seq > state.seq),
            );
            expect(leaked, `${label}: socket ${i} heard events of a refused action`).toEqual([]);
          });
          expect(gmState().seq, label).toBe(state.seq);
          return;
        }

        expect(answer.type, `${label}: ${JSON.stringify(answer)}`).toBe('ack');
        const seq = (answer as AckMessage).seq;
        expect(seq, label).toBeGreaterThan(state.seq);
        // Who may see the document: the named one, or for a new note its scene.
        const ref = { collection: COLLECTION[c.kind], id: idOf(c.target) };
        const members = [gm, ana, bo, obi].map((u) => state.members.get(u.id)!);
        const entitled = members.map((m) => viewDoc(state, ref, m) !== undefined);
        const windows = await window(listeners, from);
        windows.forEach((w, i) => {
          const heard = w.some((m) => m.type === 'events' && m.events.some((e) => e.seq === seq));
          if (entitled[i])
            expect(heard, `${label}: socket ${i} did not hear seq ${seq}`).toBe(true);
          else {
            const told = w.filter((m) => m.type === 'events' && JSON.stringify(m).includes(ref.id));
            expect(told, `${label}: socket ${i} may not see ${ref.id}`).toEqual([]);
          }
        });
        await gmHeard(seq);

        // The sender takes it back; the GM's documents are as before.
        const undone = await sender.action('core:undo', {});
        expect(undone.type, `undo after ${label}: ${JSON.stringify(undone)}`).toBe('ack');
        await gmHeard((undone as AckMessage).seq);
        expect(docsOf(gmState()), `undo after ${label}`).toBe(before);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
    const allowed = seen.filter((s) => s.endsWith('-> ok')).length;
    console.log(`permission property: seed ${SEED}, ${seen.length} runs, ${allowed} allowed`);
  }, 120_000);
});
