/**
 * A hostile game system at one table must not stop the others: on a real
 * server (127.0.0.1, SQLite, real QuickJS), one table runs a system whose
 * rules loop forever, another one whose every call throws, and a third
 * plays D&D 5e. The hostile tables get typed refusals, then the quarantine
 * notice, then play on core rules; the D&D table's moves are acked and
 * broadcast all along. The sandbox has one worker, so every table shares
 * the worker the hostile modules stall and the watchdog replaces.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CLOSE_CODES,
  type AckMessage,
  type EventsMessage,
  type ModulesMessage,
  type RejectedMessage,
  type ServerMessage,
} from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installModuleFolder } from './plugins/modules/install-module.js';
import { WITH_EXAMPLES } from './test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from './test-support/http-client.js';
import {
  LOAD_THROWER,
  LOOPER,
  THROWER,
  writeModuleFolder,
} from './test-support/hostile-modules.js';
import { LiveClient } from './test-support/live-client.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';
import { fighterData } from './test-support/dnd5e-data.js';

let server: TestServer;
let folders: string;
let gm: TestUser;
let pat: TestUser; // a player at every table
let oli: TestUser; // an observer at the hostile tables

/** A campaign of `system` with members by role, made over HTTP. */
async function campaign(
  system: string,
  members: readonly [TestUser, 'player' | 'observer'][],
): Promise<string> {
  const made = await request<{ id: string }>(server, 'POST', '/api/campaigns', {
    token: gm.token,
    body: { name: `Table of ${system}`, system, seed: `seed-${system}` },
  });
  expect(made.status, made.text).toBe(201);
  for (const [user, role] of members) {
    const invite = await request<{ secret: string }>(
      server,
      'POST',
      `/api/campaigns/${made.body.id}/invites`,
      { token: gm.token, body: { role, expiresInSeconds: 600, maxUses: 1 } },
    );
    const joined = await request(server, 'POST', '/api/invites/accept', {
      token: user.token,
      body: { secret: invite.body.secret },
    });
    expect(joined.status, joined.text).toBe(200);
  }
  return made.body.id;
}

/** Sockets of a table, joined. */
interface Table {
  readonly id: string;
  readonly gm: LiveClient;
  readonly pat: LiveClient;
  readonly oli?: LiveClient;
}

async function seat(id: string, withObserver: boolean): Promise<Table> {
  const join = async (user: TestUser) => {
    const client = await LiveClient.open(server, id, user);
    await client.join();
    return client;
  };
  return {
    id,
    gm: await join(gm),
    pat: await join(pat),
    ...(withObserver ? { oli: await join(oli) } : {}),
  };
}

const clientsOf = (t: Table): LiveClient[] => [t.gm, t.pat, ...(t.oli ? [t.oli] : [])];

/** The code of a refusal; fails on an ack. */
function codeOf(answer: AckMessage | RejectedMessage): string {
  expect(answer.type, JSON.stringify(answer)).toBe('rejected');
  return (answer as RejectedMessage).error.code;
}

function acked(answer: AckMessage | RejectedMessage): AckMessage {
  expect(answer.type, JSON.stringify(answer)).toBe('ack');
  return answer as AckMessage;
}

/** Waits until each client heard the event of `seq`. */
async function heard(clients: LiveClient[], seq: number): Promise<void> {
  await Promise.all(
    clients.map((c) =>
      c.next<EventsMessage>((m) => m.type === 'events' && m.events.some((e) => e.seq === seq)),
    ),
  );
}

/** Public chat texts a client heard, in order. */
const chatHeard = (c: LiveClient): string[] =>
  c.messages.flatMap((m) =>
    m.type === 'events'
      ? m.events.flatMap((e) => (e.type === 'core:message-posted' ? [e.payload.message.text] : []))
      : [],
  );

const isNotice = (moduleId: string) => (text: string) =>
  text.startsWith(`The rules of module "${moduleId}" are suspended at this table`);

/** The last module status a client heard (snapshot, then `modules` messages). */
function moduleState(c: LiveClient, moduleId: string): string | undefined {
  let state: string | undefined;
  for (const m of c.messages) {
    const list =
      m.type === 'snapshot' || m.type === 'replay' || m.type === 'modules' ? m.modules : [];
    for (const entry of list) if (entry.moduleId === moduleId) state = entry.state;
  }
  return state;
}

let dnd: Table;
let moves = 0;
/** Pat moves his hero at the D&D table; resolves once acked and heard by the GM there. */
async function dndMove(): Promise<void> {
  const n = ++moves;
  const ack = acked(
    await dnd.pat.action('core:move-token', { tokenId: 't-pat', x: (n % 20) * 100, y: 100 }),
  );
  await heard([dnd.gm], ack.seq);
}

/** Runs a hostile request while the D&D table plays three moves, which must all complete. */
async function whileDndPlays<T>(hostile: Promise<T>): Promise<T> {
  const [answer] = await Promise.all([hostile, dndMove(), dndMove(), dndMove()]);
  return answer;
}

beforeAll(async () => {
  server = await startTestServer({ ...WITH_EXAMPLES, sandboxWorkers: 1 });
  folders = await mkdtemp(join(tmpdir(), 'vtt-hostile-'));
  for (const module of [LOOPER, THROWER, LOAD_THROWER]) {
    const outcome = await installModuleFolder({
      db: server.app.db,
      dataDir: server.dataDir,
      folder: await writeModuleFolder(folders, module),
    });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 'installed' });
  }
  gm = await setupAdmin(server);
  [pat, oli] = await Promise.all([addUser(server, gm, 'pat'), addUser(server, gm, 'oli')]);
  const id = await campaign('dnd5e', [[pat, 'player']]);
  dnd = await seat(id, false);
  for (const [type, payload] of [
    ['core:create-scene', { id: 'inn', name: 'Inn' }],
    [
      'core:create-actor',
      {
        id: 'a-pat',
        name: 'Pat',
        type: 'character',
        data: fighterData(),
        ownership: { [pat.id]: 'owner' },
      },
    ],
    [
      'core:create-token',
      { id: 't-pat', sceneId: 'inn', name: 'Pat', x: 0, y: 0, actorId: 'a-pat' },
    ],
  ] as const) {
    acked(await dnd.gm.action(type, payload));
  }
}, 60_000);
afterAll(async () => {
  await server?.dispose();
  if (folders !== undefined) await rm(folders, { recursive: true, force: true });
});

/** A hostile table: Pat plays, Oli watches. */
const hostileTable = async (system: string): Promise<Table> =>
  seat(
    await campaign(system, [
      [pat, 'player'],
      [oli, 'observer'],
    ]),
    true,
  );

describe('a module that loops forever', () => {
  it('gets typed refusals, then the quarantine notice; its table plays on core rules, the D&D table all along', async () => {
    const t = await hostileTable('looper');
    for (const [type, payload] of [
      ['core:create-scene', { id: 'keep', name: 'Keep' }],
      [
        'core:create-actor',
        { id: 'a-pat', name: 'Pat', type: 'hero', data: {}, ownership: { [pat.id]: 'owner' } },
      ],
      [
        'core:create-token',
        { id: 't-pat', sceneId: 'keep', name: 'Pat', x: 0, y: 0, actorId: 'a-pat' },
      ],
    ] as const) {
      acked(await t.gm.action(type, payload));
    }
    const move = (x: number) => t.pat.action('core:move-token', { tokenId: 't-pat', x, y: 0 });

    // Its before-hook spins: the CPU deadline stops it.
    const first = await whileDndPlays(move(100));
    expect(codeOf(first)).toBe('VTT_ERR_SANDBOX_TIMEOUT');
    // A built-in that ignores the interrupt: the watchdog replaces the worker every table shares.
    const jam = (await whileDndPlays(t.gm.action('looper:jam', {}))) as RejectedMessage;
    expect(jam.error).toMatchObject({
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
      params: { watchdog: true },
    });
    // The third failure in a row quarantines it: this move goes through on core rules.
    const third = acked(await whileDndPlays(move(300)));
    await expectQuarantined(t, 'looper', third.seq);

    // Its own actions and rolls are refused, at once; core actions keep working.
    expect(codeOf(await whileDndPlays(t.pat.action('looper:spin', {})))).toBe(
      'VTT_ERR_MODULE_SUSPENDED',
    );
    expect(codeOf(await t.pat.request({ type: 'roll', name: 'spin' }))).toBe(
      'VTT_ERR_MODULE_SUSPENDED',
    );
    const moved = acked(await whileDndPlays(move(400)));
    await heard([t.gm, t.oli!], moved.seq);
    acked(await t.oli!.request({ type: 'chat', text: 'still here' }));
    expect(codeOf(await t.oli!.action('core:move-token', { tokenId: 't-pat', x: 1, y: 1 }))).toBe(
      'VTT_ERR_PERMISSION_OBSERVER',
    );
    expect(server.app.liveTables.loaded(t.id)!.state.tokens.get('t-pat')).toMatchObject({ x: 400 });

    // Only a GM restarts it; then its rules apply again (and spin again).
    expect(codeOf(await t.pat.request({ type: 'restart-module', moduleId: 'looper' }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    acked(await t.gm.request({ type: 'restart-module', moduleId: 'looper' }));
    await t.pat.next<ModulesMessage>((m) => m.type === 'modules');
    expect(moduleState(t.pat, 'looper')).toBe('active');
    expect(codeOf(await whileDndPlays(move(500)))).toBe('VTT_ERR_SANDBOX_TIMEOUT');

    await expectDndUnharmed();
    await Promise.all(clientsOf(t).map((c) => c.close()));
  });
});

describe('a module that throws on every call', () => {
  it('gets typed refusals, then the quarantine notice; its table plays on core rules, the D&D table all along', async () => {
    const t = await hostileTable('thrower');
    // Seating the players fed it their membership events: each throw counted already.
    // Its action throws: refused with the module's fault until its failures quarantine it.
    const codes: string[] = [];
    while (codes.at(-1) !== 'VTT_ERR_MODULE_SUSPENDED' && codes.length < 5) {
      codes.push(codeOf(await whileDndPlays(t.pat.action('thrower:boom', {}))));
    }
    expect(codes.slice(0, -1)).toEqual(
      codes.slice(0, -1).map(() => 'VTT_ERR_SANDBOX_MODULE_THREW'),
    );
    expect(codes.length).toBeGreaterThan(1);
    expect(codes.at(-1)).toBe('VTT_ERR_MODULE_SUSPENDED');
    // A core action is applied all the same.
    const scene = acked(
      await whileDndPlays(t.gm.action('core:create-scene', { id: 'pit', name: 'Pit' })),
    );
    await expectQuarantined(t, 'thrower', scene.seq);

    // Everything of the module is refused as suspended; core rules play on.
    expect(codeOf(await t.pat.action('thrower:boom', {}))).toBe('VTT_ERR_MODULE_SUSPENDED');
    expect(codeOf(await t.pat.request({ type: 'roll', name: 'boom' }))).toBe(
      'VTT_ERR_MODULE_SUSPENDED',
    );
    expect(codeOf(await t.pat.request({ type: 'chat', text: '/boom now' }))).toBe(
      'VTT_ERR_MODULE_SUSPENDED',
    );
    for (const [type, payload] of [
      [
        'core:create-actor',
        { id: 'a-pat', name: 'Pat', type: 'hero', data: {}, ownership: { [pat.id]: 'owner' } },
      ],
      [
        'core:create-token',
        { id: 't-pat', sceneId: 'pit', name: 'Pat', x: 0, y: 0, actorId: 'a-pat' },
      ],
    ] as const) {
      acked(await whileDndPlays(t.gm.action(type, payload)));
    }
    const moved = acked(
      await whileDndPlays(t.pat.action('core:move-token', { tokenId: 't-pat', x: 70, y: 0 })),
    );
    await heard(clientsOf(t), moved.seq);
    expect(moved.warnings).toBeUndefined(); // its after-hook is skipped, not failed
    acked(await t.pat.request({ type: 'chat', text: 'plain chat works' }));
    expect(codeOf(await t.pat.request({ type: 'derived', actorId: 'a-pat' }))).toBe(
      'VTT_ERR_MODULE_SUSPENDED',
    );

    await expectDndUnharmed();
    await Promise.all(clientsOf(t).map((c) => c.close()));
  });
});

describe('a module that throws even while its table loads', () => {
  it('closes the sockets of that table with a typed code and logs why; the D&D table plays on', async () => {
    const id = await campaign('loadthrower', []);
    for (let attempt = 0; attempt < 2; attempt++) {
      const client = await LiveClient.open(server, id, gm);
      const closed = await whileDndPlays(
        (async () => {
          client.send({ type: 'join' });
          return client.closed;
        })(),
      );
      expect(closed.code).toBe(CLOSE_CODES.TABLE_UNAVAILABLE);
      expect(client.messages).toEqual([]);
    }
    const why = server.logLines
      .map(
        (line) =>
          JSON.parse(line) as { msg?: string; campaignId?: string; err?: { code?: string } },
      )
      .filter(
        (line) => line.campaignId === id && line.msg === 'the table could not be loaded for a join',
      );
    expect(why.map((line) => line.err?.code)).toEqual([
      'VTT_ERR_SANDBOX_MODULE_THREW',
      'VTT_ERR_SANDBOX_MODULE_THREW',
    ]);
    await expectDndUnharmed();
  });
});

/**
 * Every member of `t` heard, by the event of `seq`, one notice that the
 * module's rules are suspended, and its status as suspended.
 */
async function expectQuarantined(t: Table, moduleId: string, seq: number): Promise<void> {
  await heard(clientsOf(t), seq);
  for (const c of clientsOf(t)) {
    expect(chatHeard(c).filter(isNotice(moduleId))).toHaveLength(1);
    await c.next<ModulesMessage>((m) => m.type === 'modules');
    expect(moduleState(c, moduleId)).toBe('suspended');
  }
}

/** The D&D table: every move was acked and heard, its rules still run, and it never heard of a quarantine. */
async function expectDndUnharmed(): Promise<void> {
  const roll = acked(
    await dnd.pat.request({
      type: 'roll',
      name: 'ability-check',
      actorId: 'a-pat',
      args: { ability: 'str' },
    }),
  );
  expect(roll.result).toMatchObject({ name: 'ability-check' });
  expect(acked(await dnd.pat.request({ type: 'derived', actorId: 'a-pat' })).result).toMatchObject({
    proficiencyBonus: 2,
  });
  const all: ServerMessage[] = [...dnd.gm.messages, ...dnd.pat.messages];
  expect(
    all.filter((m) => m.type === 'modules' || m.type === 'rejected' || m.type === 'error'),
  ).toEqual([]);
  expect(moduleState(dnd.pat, 'dnd5e')).toBe('active');
  expect(server.app.liveTables.loaded(dnd.id)!.state.tokens.get('t-pat')!.x).toBe(
    (moves % 20) * 100,
  );
}
