/**
 * The secrecy canary: a GM and two players and an observer at one table on
 * a real server (127.0.0.1, SQLite, D&D 5e in QuickJS). The GM makes
 * secrets carrying unique seeded strings: a GM-only journal entry, a hidden
 * token (name, uploaded image, unusual position), a hidden actor, a note
 * and a token under fog, a hidden scene, a whisper to player A and a
 * GM-only timeline entry. Then every byte a non-entitled socket or HTTP
 * answer receives is searched for them: snapshots, events, replays, acks,
 * refusals, presence, drags and pings, chat and log pages, asset listings,
 * downloads and tiles, and the server's log. The GM's own bytes must hold
 * every one of them, so the search is known to look in the right place.
 */
import { createRng, type AckMessage, type ServerMessage, type SnapshotMessage } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelSize, TILE_SIZE } from './plugins/assets/map-tiles.js';
import { campaignWith, png, upload } from './test-support/asset-uploads.js';
import { WITH_EXAMPLES } from './test-support/examples.js';
import { addUser, request, setupAdmin, type TestUser } from './test-support/http-client.js';
import { LiveClient } from './test-support/live-client.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';
import { fighterData } from './test-support/dnd5e-data.js';

const SEED = process.env['VTT_CANARY_SEED'] ?? 'secrecy-canary-1';
const rng = createRng(SEED);
const hex = (): string =>
  [rng.nextUint32(), rng.nextUint32()].map((n) => n.toString(16).padStart(8, '0')).join('');
/** A coordinate no other number on the wire has: a seeded integer part and a fraction. */
const coord = (from: number, span: number, fraction: number): number =>
  from + rng.below(span) + fraction;

/** A secret string and who may receive it. */
interface Canary {
  readonly label: string;
  readonly value: string;
  /** Found only over HTTP (asset names), or only in relayed ephemeral messages. */
  readonly channel: 'any' | 'http' | 'socket';
  /** A document id: the server may log it, and a refusal may echo it to whoever named it. */
  readonly id?: boolean;
}

const canaries: Canary[] = [];
const secret = (label: string, options: Partial<Canary> = {}): string => {
  const value = options.value ?? `${label}-${hex()}`;
  canaries.push({ label, value, channel: 'any', ...options });
  return value;
};
const secretCoord = (label: string, n: number, channel: Canary['channel'] = 'any'): number => {
  secret(label, { value: String(n), channel });
  return n;
};

// What the GM hides. Ids are the GM's choice, so they are secrets too.
const S = {
  journalId: secret('journal-id', { id: true }),
  journalTitle: secret('journal-title'),
  journalText: secret('journal-text'),
  tokenId: secret('token-id', { id: true }),
  tokenName: secret('token-name'),
  tokenRenamed: secret('token-renamed'),
  tokenRenamedAgain: secret('token-renamed-again'),
  tokenX: secretCoord('token-x', coord(1000, 6000, 0.375)),
  tokenY: secretCoord('token-y', coord(1000, 6000, 0.625)),
  movedX: secretCoord('moved-x', coord(1000, 6000, 0.125)),
  movedY: secretCoord('moved-y', coord(1000, 6000, 0.875)),
  replayX: secretCoord('replay-x', coord(1000, 6000, 0.3125)),
  dragX: secretCoord('drag-x', coord(1000, 6000, 0.6875), 'socket'),
  dragY: secretCoord('drag-y', coord(1000, 6000, 0.1875), 'socket'),
  actorId: secret('actor-id', { id: true }),
  actorName: secret('actor-name'),
  actorAttack: secret('actor-attack'),
  fogNoteId: secret('fog-note-id', { id: true }),
  fogNoteTitle: secret('fog-note-title'),
  fogNoteText: secret('fog-note-text'),
  fogNoteX: secretCoord('fog-note-x', coord(9100, 800, 0.5625)),
  fogTokenId: secret('fog-token-id', { id: true }),
  fogTokenName: secret('fog-token-name'),
  fogDragX: secretCoord('fog-drag-x', coord(9100, 800, 0.4375), 'socket'),
  sceneId: secret('hidden-scene-id', { id: true }),
  sceneName: secret('hidden-scene-name'),
  pingX: secretCoord('ping-x', coord(1000, 6000, 0.8125), 'socket'),
  whisper: secret('whisper'),
  timelineId: secret('timeline-id', { id: true }),
  timelineTitle: secret('timeline-title'),
  timelineText: secret('timeline-text'),
  imageName: secret('image-name', { channel: 'http' }),
  handoutName: secret('handout-name', { channel: 'http' }),
  combatantName: secret('combatant-name'),
};

let server: TestServer;
let gm: TestUser;
let ana: TestUser; // player A: the whisper is hers
let bo: TestUser; // player B
let obi: TestUser; // observer
let zed: TestUser; // no member
let campaignId: string;
/** The GM's sockets: the first acts, the second hears what the first relays. */
let gmc: LiveClient;
let gm2: LiveClient;
const sockets = new Map<TestUser, LiveClient[]>();

async function gmActs(...actions: [string, unknown][]): Promise<AckMessage[]> {
  const acks: AckMessage[] = [];
  for (const [type, payload] of actions) {
    const answer = await gmc.action(type, payload);
    expect(answer.type, `${type}: ${JSON.stringify(answer)}`).toBe('ack');
    acks.push(answer as AckMessage);
  }
  return acks;
}

async function open(user: TestUser): Promise<LiveClient> {
  const client = await LiveClient.open(server, campaignId, user);
  await client.join();
  sockets.set(user, [...(sockets.get(user) ?? []), client]);
  return client;
}

/** Waits until every client has heard the events up to `seq` (what is not for them never comes). */
async function heardUpTo(clients: LiveClient[], seq: number): Promise<void> {
  await Promise.all(
    clients.map((c) => c.next((m) => m.type === 'events' && m.events.some((e) => e.seq === seq))),
  );
}

/** The last seq a client knows of. */
function lastSeq(client: LiveClient): number {
  let seq = 0;
  for (const m of client.messages) {
    if (m.type === 'snapshot' || m.type === 'replay' || m.type === 'ack')
      seq = Math.max(seq, m.seq);
    if (m.type === 'events') for (const e of m.events) seq = Math.max(seq, e.seq);
  }
  return seq;
}

beforeAll(async () => {
  server = await startTestServer({ ...WITH_EXAMPLES, snapshotEvery: 5 });
  gm = await setupAdmin(server);
  [ana, bo, obi, zed] = await Promise.all([
    addUser(server, gm, 'ana'),
    addUser(server, gm, 'bo'),
    addUser(server, gm, 'obi'),
    addUser(server, gm, 'zed'),
  ]);
  campaignId = await campaignWith(server, gm, [
    { user: ana, role: 'player' },
    { user: bo, role: 'player' },
    { user: obi, role: 'observer' },
  ]);
  const gmUpload = async (bytes: Buffer, name: string): Promise<string> => {
    const made = await upload(server, gm, campaignId, bytes, { name, visibility: 'gm' });
    expect(made.status, made.text).toBe(201);
    return made.body.id;
  };
  const image = await gmUpload(await png(64, 64, { r: 9, g: 9, b: 9 }), S.imageName);
  const handout = await gmUpload(await png(32, 48, { r: 1, g: 2, b: 3 }), S.handoutName);
  const map = await gmUpload(await png(600, 400), 'crypt map');
  canaries.push(
    { label: 'image-asset-id', value: image, channel: 'any', id: true },
    { label: 'handout-asset-id', value: handout, channel: 'any', id: true },
  );

  // Everyone is at the table while the secrets are made.
  gmc = await open(gm);
  gm2 = await open(gm);
  for (const user of [ana, bo, obi]) await open(user);
  const tokenImage = `/api/campaigns/${campaignId}/assets/${image}`;
  await gmActs(
    [
      'core:create-scene',
      {
        id: 'crypt',
        name: 'Crypt',
        width: 10_000,
        height: 10_000,
        background: { asset: map },
      },
    ],
    ['core:configure-fog', { sceneId: 'crypt', enabled: true }],
    [
      'core:paint-fog',
      {
        sceneId: 'crypt',
        mode: 'reveal',
        shape: {
          kind: 'polygon',
          points: [
            { x: 0, y: 0 },
            { x: 9_000, y: 0 },
            { x: 9_000, y: 10_000 },
            { x: 0, y: 10_000 },
          ],
        },
      },
    ],
    ['core:create-scene', { id: S.sceneId, name: S.sceneName, hidden: true }],
    [
      'core:create-actor',
      {
        id: 'ayla',
        name: 'Ayla',
        type: 'character',
        data: fighterData(),
        ownership: { [ana.id]: 'owner' },
      },
    ],
    [
      'core:create-actor',
      {
        id: 'brom',
        name: 'Brom',
        type: 'character',
        data: fighterData(),
        ownership: { [bo.id]: 'owner' },
      },
    ],
    [
      'core:create-token',
      { id: 't-ayla', sceneId: 'crypt', name: 'Ayla', x: 100, y: 100, actorId: 'ayla' },
    ],
    [
      'core:create-token',
      { id: 't-brom', sceneId: 'crypt', name: 'Brom', x: 300, y: 100, actorId: 'brom' },
    ],
    ['core:create-token', { id: 't-ogre', sceneId: 'crypt', name: 'Ogre', x: 500, y: 500 }],
    [
      'core:create-actor',
      {
        id: S.actorId,
        name: S.actorName,
        type: 'npc',
        data: {
          cr: 1,
          abilities: fighterData().abilities,
          hp: { value: 30, max: 30, temp: 0 },
          ac: 14,
          attacks: [{ name: S.actorAttack, ability: 'str', proficient: true, damage: '2d6' }],
        },
      },
    ],
    [
      'core:create-token',
      {
        id: S.tokenId,
        sceneId: 'crypt',
        name: S.tokenName,
        x: S.tokenX,
        y: S.tokenY,
        image: tokenImage,
        actorId: S.actorId,
        hidden: true,
      },
    ],
    [
      'core:create-token',
      { id: S.fogTokenId, sceneId: 'crypt', name: S.fogTokenName, x: 9_500, y: 500 },
    ],
    [
      'core:create-note',
      {
        id: S.fogNoteId,
        sceneId: 'crypt',
        x: S.fogNoteX,
        y: 800,
        title: S.fogNoteTitle,
        text: S.fogNoteText,
        visibility: 'public',
      },
    ],
    [
      'core:create-journal-entry',
      {
        id: S.journalId,
        title: S.journalTitle,
        text: `${S.journalText} ![handout](asset:${handout})`,
        visibility: 'gm',
      },
    ],
    [
      'core:create-timeline-entry',
      {
        id: S.timelineId,
        date: { value: 100, label: 'Day 1' },
        title: S.timelineTitle,
        text: S.timelineText,
        visibility: 'gm',
      },
    ],
    ['core:send-message', { text: S.whisper, whisper: [ana.id] }],
    // A combat with a hidden combatant that wounds Ayla in its turn (combat statistics).
    ['core:start-combat', { sceneId: 'crypt' }],
    ['core:add-combatant', { id: 'c-ayla', tokenId: 't-ayla', initiative: 15 }],
    [
      'core:add-combatant',
      { id: 'c-hidden', tokenId: S.tokenId, name: S.combatantName, initiative: 12, hidden: true },
    ],
    ['core:next-turn', {}],
    ['core:next-turn', {}],
    ['dnd5e:apply-damage', { actorId: 'ayla', amount: 2 }],
  );
}, 60_000);
afterAll(() => server.dispose());

/** Where each canary was found in `texts`, as readable lines. */
function found(
  texts: readonly { where: string; text: string }[],
  wanted: readonly Canary[],
): string[] {
  const out: string[] = [];
  for (const c of wanted) {
    for (const { where, text } of texts)
      if (text.includes(c.value)) out.push(`${c.label} in ${where}`);
  }
  return out;
}

/** What `user` may not receive. */
const secretsFor = (user: TestUser): Canary[] =>
  canaries.filter((c) => !(user === ana && c.value === S.whisper));

/** Frames of a socket; in a refusal of a probe the id the prober named is masked. */
function framesOf(user: TestUser, clients: LiveClient[], named: ReadonlySet<string>) {
  return clients.flatMap((c, i) =>
    c.frames.map((text, j) => {
      const m = c.messages[j]!;
      let masked = text;
      if (m.type === 'rejected' || m.type === 'error')
        for (const id of named) masked = masked.replaceAll(id, 'ID');
      return { where: `${user.name} socket ${i} frame ${j}: ${text.slice(0, 200)}`, text: masked };
    }),
  );
}

const missingId = () => `gone-${hex()}`;

/** Ids named by probes: a refusal may echo them to the one who named them. */
const named = new Set<string>();

/** A request naming the hidden document `S[hidden]` where it says `ID`. */
type Probe = readonly [what: string, hidden: keyof typeof S, request: object];
const ID = '$ID';
const act = (type: string, payload: object) => ({ type: 'action', action: { type, payload } });
const naming = (request: object, id: string): object =>
  JSON.parse(JSON.stringify(request).replaceAll(ID, id)) as object;
const PROBES: readonly Probe[] = [
  ['move hidden token', 'tokenId', act('core:move-token', { tokenId: ID, x: 1, y: 1 })],
  [
    'rename hidden token',
    'tokenId',
    act('core:update-token', { tokenId: ID, patch: { name: 'x' } }),
  ],
  ['delete hidden token', 'tokenId', act('core:delete-token', { tokenId: ID })],
  ['move fogged token', 'fogTokenId', act('core:move-token', { tokenId: ID, x: 1, y: 1 })],
  [
    'effect on hidden token',
    'tokenId',
    act('core:add-effect', {
      target: { collection: 'tokens', id: ID },
      label: 'x',
      duration: { unit: 'permanent' },
    }),
  ],
  [
    'update hidden actor',
    'actorId',
    act('core:update-actor', { actorId: ID, patch: { name: 'x' } }),
  ],
  ['roll for hidden actor', 'actorId', { type: 'roll', name: 'ability-check', actorId: ID }],
  ['derived of hidden actor', 'actorId', { type: 'derived', actorId: ID }],
  ['speak as hidden actor', 'actorId', { type: 'chat', text: 'boo', speaker: ID }],
  [
    'update fogged note',
    'fogNoteId',
    act('core:update-note', { noteId: ID, patch: { title: 'x' } }),
  ],
  [
    'update GM journal',
    'journalId',
    act('core:update-journal-entry', { entryId: ID, patch: { title: 'x' } }),
  ],
  [
    'update GM timeline',
    'timelineId',
    act('core:update-timeline-entry', { entryId: ID, patch: { title: 'x' } }),
  ],
  [
    'token on hidden scene',
    'sceneId',
    act('core:create-token', { sceneId: ID, name: 'x', x: 0, y: 0 }),
  ],
  [
    'token with hidden token id',
    'tokenId',
    act('core:create-token', { id: ID, sceneId: 'crypt', name: 'x', x: 0, y: 0 }),
  ],
  [
    'note with fogged note id',
    'fogNoteId',
    act('core:create-note', { id: ID, sceneId: 'crypt', x: 1, y: 1, title: 'x' }),
  ],
  [
    'journal with GM journal id',
    'journalId',
    act('core:create-journal-entry', { id: ID, title: 'x' }),
  ],
];
const EPHEMERAL_PROBES: readonly Probe[] = [
  ['drag hidden token', 'tokenId', { type: 'ephemeral', kind: 'drag', tokenId: ID, x: 1, y: 1 }],
  ['drag fogged token', 'fogTokenId', { type: 'ephemeral', kind: 'drag', tokenId: ID, x: 1, y: 1 }],
  ['ping hidden scene', 'sceneId', { type: 'ephemeral', kind: 'pointer', sceneId: ID, x: 1, y: 1 }],
];

/** An answer with the named id masked: the code and message of a refusal, or that it was applied. */
function answerOf(m: ServerMessage, id: string): string {
  if (m.type === 'ack') return 'applied';
  if (m.type === 'rejected' || m.type === 'error')
    return JSON.stringify(m.error).replaceAll(id, 'ID');
  return m.type;
}

describe('secrets never reach a socket that may not see them', () => {
  it('refuses a request naming a hidden document exactly as one naming a missing id', async () => {
    const differ: { probe: string; user: string; hidden: string; missing: string }[] = [];
    for (const user of [ana, bo, obi]) {
      const client = sockets.get(user)![0]!;
      for (const [probe, key, request] of PROBES) {
        const [hidden, missing] = [String(S[key]), missingId()];
        named.add(hidden).add(missing);
        const a = answerOf(await client.request({ ...naming(request, hidden) }), hidden);
        const b = answerOf(await client.request({ ...naming(request, missing) }), missing);
        expect(a, probe).not.toBe('applied');
        if (a !== b) differ.push({ probe, user: user.name, hidden: a, missing: b });
      }
      for (const [probe, key, request] of EPHEMERAL_PROBES) {
        const [hidden, missing] = [String(S[key]), missingId()];
        named.add(hidden).add(missing);
        client.send(naming(request, hidden));
        const a = answerOf(await client.next('error'), hidden);
        client.send(naming(request, missing));
        const b = answerOf(await client.next('error'), missing);
        if (a !== b) differ.push({ probe, user: user.name, hidden: a, missing: b });
      }
    }
    expect(differ).toEqual([]);
  });

  it('keeps every canary out of snapshots, events, replays, refusals, presence, drags and pings', async () => {
    const players = [ana, bo, obi];
    const [anaLive, boLive, obiLive] = players.map((u) => sockets.get(u)![0]!);
    // The GM plays: drags and pings, secret and public, moves and renames the hidden token.
    gmc.send({ type: 'ephemeral', kind: 'drag', tokenId: S.tokenId, x: S.dragX, y: S.dragY });
    gmc.send({ type: 'ephemeral', kind: 'drag', tokenId: S.fogTokenId, x: S.fogDragX, y: 600 });
    gmc.send({ type: 'ephemeral', kind: 'pointer', sceneId: S.sceneId, x: S.pingX, y: 10 });
    gmc.send({ type: 'ephemeral', kind: 'drag', tokenId: 't-ogre', x: 510, y: 520 });
    gmc.send({ type: 'ephemeral', kind: 'pointer', sceneId: 'crypt', x: 50, y: 60 });
    for (const c of [anaLive!, boLive!, obiLive!, gm2]) {
      await c.next((m) => m.type === 'ephemeral' && m.kind === 'pointer' && m.sceneId === 'crypt');
    }
    await gmActs(
      ['core:move-token', { tokenId: S.tokenId, x: S.movedX, y: S.movedY }],
      ['core:update-token', { tokenId: S.tokenId, patch: { name: S.tokenRenamed } }],
    );
    expect(
      (await anaLive!.action('core:move-token', { tokenId: 't-ayla', x: 120, y: 140 })).type,
    ).toBe('ack');
    expect((await boLive!.request({ type: 'chat', text: 'Hello, crypt' })).type).toBe('ack');

    // Bo drops out, misses secret changes and one public move, and comes back with his last seq.
    const since = lastSeq(boLive!);
    await boLive!.close();
    const [, , publicMove] = await gmActs(
      ['core:move-token', { tokenId: S.tokenId, x: S.replayX, y: 5 }],
      ['core:update-token', { tokenId: S.tokenId, patch: { name: S.tokenRenamedAgain } }],
      ['core:move-token', { tokenId: 't-ogre', x: 600, y: 600 }],
    );
    const back = await LiveClient.open(server, campaignId, bo);
    sockets.get(bo)!.push(back);
    const replay = await back.join(since);
    expect(replay.type === 'replay' && replay.events.map((e) => [e.type, e.payload])).toEqual([
      ['core:token-moved', { tokenId: 't-ogre', x: 600, y: 600 }],
    ]);
    // Fresh joins get snapshots; the public move reached everyone who stayed.
    await heardUpTo([anaLive!, obiLive!, gm2], publicMove!.seq);
    for (const user of players) {
      const fresh = await open(user);
      expect(fresh.messages[0]!.type).toBe('snapshot');
    }
    const gmFresh = await open(gm);
    const gmView = (gmFresh.messages[0] as SnapshotMessage).view;
    expect(Object.keys(gmView.tokens)).toContain(S.tokenId);
    // A last public move: every socket still open has heard all there was for it.
    const [marker] = await gmActs(['core:move-token', { tokenId: 't-ogre', x: 700, y: 700 }]);
    const stillOpen = [...sockets.values()].flat().filter((c) => c !== boLive);
    await heardUpTo(stillOpen, marker!.seq);

    const leaks = players.flatMap((user) =>
      found(
        framesOf(user, sockets.get(user)!, named),
        secretsFor(user).filter((c) => c.channel !== 'http'),
      ),
    );
    expect(leaks, `seed ${SEED}`).toEqual([]);
    // Positive controls: the GM heard every secret, Ana her whisper.
    const gmFrames = framesOf(gm, sockets.get(gm)!, new Set());
    const missed = canaries
      .filter((c) => c.channel !== 'http')
      .filter((c) => found(gmFrames, [c]).length === 0)
      .map((c) => c.label);
    expect(missed, `seed ${SEED}`).toEqual([]);
    expect(
      found(
        framesOf(ana, sockets.get(ana)!, new Set()),
        canaries.filter((c) => c.value === S.whisper),
      ),
    ).not.toEqual([]);
    await Promise.all([...sockets.values()].flat().map((c) => c.close()));
  });
});

interface Answer {
  readonly where: string;
  readonly path: string;
  readonly status: number;
  readonly body: string;
  /** Headers and body, as searched. */
  readonly text: string;
}

async function get(user: TestUser, path: string): Promise<Answer> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  const body = Buffer.from(await res.arrayBuffer()).toString('latin1');
  const lines: string[] = [];
  res.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  const headers = lines.join('\n');
  const where = `${user.name} GET ${path} -> ${res.status}`;
  return { where, path, status: res.status, body, text: `${headers}\n\n${body}` };
}

/** Every page of a paged history route, three events a page, following `next`. */
async function pages(user: TestUser, path: string): Promise<Answer[]> {
  const out: Answer[] = [];
  let before: number | null = null;
  do {
    const query = `${path.includes('?') ? '&' : '?'}limit=3${before === null ? '' : `&before=${before}`}`;
    const answer = await get(user, `${path}${query}`);
    out.push(answer);
    before =
      answer.status === 200 ? (JSON.parse(answer.body) as { next: number | null }).next : null;
  } while (before !== null && out.length < 500);
  return out;
}

const MISSING_ASSET = '00000000-0000-4000-8000-000000000000';
const MISSING_SCENE = 'gone-scene';

describe('secrets never reach an HTTP answer that may not see them', () => {
  it('keeps every canary out of every GET route, including chat and log pages, downloads and tiles', async () => {
    const doc = await request<{ paths: Record<string, object> }>(
      server,
      'GET',
      '/api/openapi.json',
      {
        token: gm.token,
      },
    );
    const routes = Object.entries(doc.body.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([path]) => path);
    expect(routes).toEqual(
      expect.arrayContaining([
        '/api/campaigns/{campaignId}/chat',
        '/api/campaigns/{campaignId}/log',
        '/api/campaigns/{campaignId}/combats/{combatId}',
        '/api/campaigns/{campaignId}/combat-stats',
        '/api/campaigns/{campaignId}/assets/{assetId}',
        '/api/campaigns/{campaignId}/scenes/{sceneId}/tiles/{z}/{x}/{y}',
      ]),
    );
    const listed = await request<{ assets: { id: string }[] }>(
      server,
      'GET',
      `/api/campaigns/${campaignId}/assets`,
      {
        token: gm.token,
      },
    );
    const assetIds = [...listed.body.assets.map((a) => a.id), MISSING_ASSET];
    const map = await request<{ width: number; height: number; levels: number }>(
      server,
      'GET',
      `/api/campaigns/${campaignId}/scenes/crypt/map`,
      { token: gm.token },
    );
    expect(map.status, map.text).toBe(200);
    const tiles: string[] = [];
    for (let z = 0; z < map.body.levels; z++) {
      const size = levelSize(map.body.width, map.body.height, map.body.levels, z);
      for (let x = 0; x * TILE_SIZE < size.width; x++)
        for (let y = 0; y * TILE_SIZE < size.height; y++) tiles.push(`${z}/${x}/${y}`);
    }
    const combats = await request<{ combats: { id: string }[] }>(
      server,
      'GET',
      `/api/campaigns/${campaignId}/combats`,
      { token: gm.token },
    );
    expect(combats.body.combats, combats.text).toHaveLength(1);
    const values: [string, readonly string[]][] = [
      ['{combatId}', [...combats.body.combats.map((c) => c.id), 'combat0']],
      ['{assetId}', assetIds],
      ['{sceneId}', ['crypt', S.sceneId, MISSING_SCENE]],
      ['{z}/{x}/{y}', tiles],
      ['{session}', ['1', '2', '99']],
      // The registry's archive route (a registry of public modules; off on this server).
      ['{version}', ['1.0.0']],
    ];
    const paths = routes.flatMap((route) =>
      values.reduce(
        (out, [param, each]) =>
          out.flatMap((p) => (p.includes(param) ? each.map((v) => p.replace(param, v)) : [p])),
        [route.replace(/\{(id|campaignId)\}/g, campaignId)],
      ),
    );
    expect(paths.filter((p) => p.includes('{'))).toEqual([]);

    const askAll = async (user: TestUser): Promise<Answer[]> => {
      const out: Answer[] = [];
      for (const path of paths) {
        if (/\/(chat|log)$/.test(path)) out.push(...(await pages(user, path)));
        else out.push(await get(user, path));
      }
      for (const type of [
        'core:token-moved',
        'core:token-updated',
        'core:message-posted',
        'core:document-synced',
      ]) {
        out.push(...(await pages(user, `/api/campaigns/${campaignId}/log?type=${type}`)));
      }
      return out;
    };
    // Hidden ids named in a path, and the missing id whose answer theirs must equal.
    const hidden: [string, string][] = [
      ...assetIds.slice(0, -1).map((id): [string, string] => [id, MISSING_ASSET]),
      [S.sceneId, MISSING_SCENE],
    ];
    const leaks: string[] = [];
    const oracles: string[] = [];
    for (const user of [ana, bo, obi, zed]) {
      const answers = await askAll(user);
      const byPath = new Map(answers.map((a) => [a.path, a]));
      if (user !== zed) {
        const history = answers.filter((a) => /\/(chat|log)\?/.test(a.path));
        expect(history.filter((a) => a.status !== 200).map((a) => a.where)).toEqual([]);
      }
      const masked = answers.map((a) => {
        let text = a.text;
        for (const [id] of hidden) if (a.path.includes(id)) text = text.replaceAll(id, 'ID');
        return { where: a.where, text };
      });
      leaks.push(
        ...found(
          masked,
          secretsFor(user).filter((c) => c.channel !== 'socket'),
        ),
      );
      // What a player may not download answers as something missing does.
      for (const [id, missing] of hidden) {
        for (const a of answers.filter((x) => x.path.includes(id) && x.status !== 200)) {
          const twin = byPath.get(a.path.replace(id, missing))!;
          const mine = `${a.status} ${a.body.replaceAll(id, 'ID')}`;
          const theirs = `${twin.status} ${twin.body.replaceAll(missing, 'ID')}`;
          if (mine !== theirs) oracles.push(`${a.where}: ${mine} / ${theirs}`);
        }
      }
    }
    expect(leaks, `seed ${SEED}`).toEqual([]);
    expect(oracles).toEqual([]);

    // Positive control: the GM's answers hold every secret HTTP carries.
    const gmAnswers = await askAll(gm);
    const missed = canaries
      .filter((c) => c.channel !== 'socket')
      .filter((c) => found(gmAnswers, [c]).length === 0)
      .map((c) => c.label);
    expect(missed, `seed ${SEED}`).toEqual([]);
  });

  it('writes no secret into the server log', () => {
    const content = canaries.filter((c) => c.id !== true);
    const leaks = found(
      server.logLines.map((text, i) => ({ where: `log line ${i}: ${text.slice(0, 200)}`, text })),
      content,
    );
    expect(leaks, `seed ${SEED}`).toEqual([]);
    expect(server.logLines.length).toBeGreaterThan(0);
  });
});
