/**
 * A campaign's add-on modules on a real server (127.0.0.1, SQLite, real
 * QuickJS): small add-ons packed and installed over HTTP, enabled and
 * disabled with `PUT /api/campaigns/:id/modules` while a player's socket
 * stays connected, refused with typed errors naming the module, and loaded
 * again after a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  stateHash,
  type AckMessage,
  type EventsMessage,
  type ModulesMessage,
  type RejectedMessage,
  type TableState,
} from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addonArchive, installArchive, pong } from '../../test-support/addon-modules.js';
import { fighterData } from '../../test-support/dnd5e-data.js';
import { WITH_EXAMPLES } from '../../test-support/examples.js';
import {
  addUser,
  login,
  request,
  setupAdmin,
  type TestUser,
} from '../../test-support/http-client.js';
import { campaignWith, LiveClient } from '../../test-support/live-client.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

interface ModuleEntry {
  id: string;
  name: string;
  version: string;
  state: 'active' | 'suspended';
}
interface ModulesBody {
  system: ModuleEntry;
  addons: ModuleEntry[];
}
interface ErrorBody {
  error: { code: string; params: Record<string, unknown> };
}

let dataDir: string;
let server: TestServer;
let admin: TestUser;
let gm: TestUser;
let pat: TestUser;
let campaignId: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vtt-addons-'));
  server = await startTestServer(WITH_EXAMPLES, dataDir);
  admin = await setupAdmin(server);
  gm = await addUser(server, admin, 'gail');
  pat = await addUser(server, admin, 'pat');
  await installArchive(server, admin, addonArchive('probe'));
  await installArchive(server, admin, addonArchive('probe-base'));
  await installArchive(
    server,
    admin,
    addonArchive('probe-extra', { dependencies: { 'probe-base': '^1.0.0' } }),
  );
  await installArchive(server, admin, addonArchive('probe-broken', { throwsAtLoad: true }));
  campaignId = await campaignWith(server, gm, [pat], { name: 'Add-on Table' });
});
afterAll(async () => {
  await server.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const setAddons = (addons: unknown, user: TestUser = gm) =>
  request<ModulesBody & ErrorBody>(server, 'PUT', `/api/campaigns/${campaignId}/modules`, {
    token: user.token,
    body: { addons },
  });

const liveState = (): TableState => {
  const table = server.app.liveTables.loaded(campaignId);
  if (table === undefined) throw new Error('the table is not loaded');
  return table.state;
};

/** The table's actors and tokens, as JSON (what a reload must keep). */
const documents = (state: TableState): string =>
  JSON.stringify({ actors: [...state.actors], tokens: [...state.tokens] });

/** Sends `<id>:ping` and waits for its answer. */
const ping = (client: LiveClient, id = 'probe') => client.action(`${id}:ping`, {});

/** The next chat line `client` hears with `text`. */
const heard = (client: LiveClient, text: string) =>
  client.next<EventsMessage>(
    (m) =>
      m.type === 'events' &&
      m.events.some(
        (e) =>
          e.type === 'core:message-posted' &&
          (e.payload as { message: { text: string } }).message.text === text,
      ),
  );

describe('add-on modules of a live campaign', () => {
  let player: LiveClient;

  beforeAll(async () => {
    const gmSocket = await LiveClient.open(server, campaignId, gm);
    await gmSocket.join();
    for (const [type, payload] of [
      ['core:create-scene', { id: 'crypt', name: 'Crypt' }],
      [
        'core:create-actor',
        {
          id: 'ayla',
          name: 'Ayla',
          type: 'character',
          data: fighterData(),
          ownership: { [pat.id]: 'owner' },
        },
      ],
      [
        'core:create-token',
        { id: 't-ayla', sceneId: 'crypt', name: 'Ayla', x: 100, y: 100, actorId: 'ayla' },
      ],
    ] as const) {
      const answer = await gmSocket.action(type, payload);
      expect(answer.type, JSON.stringify(answer)).toBe('ack');
    }
    await gmSocket.close();
    player = await LiveClient.open(server, campaignId, pat);
    await player.join();
  });
  afterAll(async () => {
    await player?.close();
  });

  it('refuses an add-on action before it is enabled', async () => {
    const refused = (await ping(player)) as RejectedMessage;
    expect(refused.type).toBe('rejected');
    expect(refused.error).toMatchObject({
      code: 'VTT_ERR_MODULE_NOT_FOUND',
      params: { moduleId: 'probe' },
    });
  });

  it('enables an add-on while a player is connected: the socket stays, hears the status, and the rules run', async () => {
    const before = liveState();
    const enabled = await setAddons(['probe']);
    expect(enabled.status, enabled.text).toBe(200);
    const after = liveState();
    expect(enabled.body.system).toMatchObject({ id: 'dnd5e', state: 'active' });
    expect(enabled.body.addons).toEqual([
      { id: 'probe', name: 'Add-on probe', version: '1.0.0', state: 'active' },
    ]);

    const status = await player.next<ModulesMessage>('modules');
    expect(status.modules).toEqual([
      { moduleId: 'dnd5e', state: 'active' },
      { moduleId: 'probe', state: 'active' },
    ]);
    // Only the recorded module events changed the table: its documents are the same.
    expect(after.campaign.modules).toEqual(['probe']);
    expect(documents(after)).toBe(documents(before));
    const rows = await server.app.db
      .selectFrom('events')
      .select(['seq', 'type'])
      .where('campaign_id', '=', campaignId)
      .where('seq', '>', before.seq)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.type)).toEqual(['core:campaign-updated']);
    // Besides that record (its seq, the campaign's list, the GM's undo entry for it), the state is the same.
    expect(stateHash(recordTakenOut(after, before))).toBe(stateHash(before));
    // No second snapshot: the socket was never dropped and joined again.
    expect(player.messages.filter((m) => m.type === 'snapshot')).toHaveLength(1);
    const answer = (await ping(player)) as AckMessage;
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
    await heard(player, pong('probe'));

    const listed = await request<ModulesBody>(
      server,
      'GET',
      `/api/campaigns/${campaignId}/modules`,
      { token: pat.token },
    );
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.addons.map((a) => [a.id, a.state])).toEqual([['probe', 'active']]);
  });

  it('refuses a player, an unknown id, the system and a missing dependency, naming the id, and changes nothing', async () => {
    const hash = server.app.liveTables.loaded(campaignId)!.hash();
    const byPlayer = await setAddons([], pat);
    expect(byPlayer.status).toBe(403);
    expect(byPlayer.body.error.code).toBe('VTT_ERR_CAMPAIGN_GM_ONLY');

    const cases: [unknown, number, string, Record<string, unknown>][] = [
      [['probe', 'no-such-addon'], 404, 'VTT_ERR_MODULE_UNKNOWN_ID', { id: 'no-such-addon' }],
      [['dnd5e'], 422, 'VTT_ERR_CAMPAIGN_ADDON_IS_SYSTEM', { id: 'dnd5e' }],
      [
        ['probe-extra'],
        409,
        'VTT_ERR_CAMPAIGN_ADDON_DEPENDENCY',
        {
          id: 'probe-extra',
          dependency: 'probe-base',
          found: 'it is not enabled in this campaign',
        },
      ],
    ];
    for (const [addons, status, code, params] of cases) {
      const refused = await setAddons(addons);
      expect(refused.status, refused.text).toBe(status);
      expect(refused.body.error).toMatchObject({ code, params });
    }
    for (const body of [{ addons: ['Bad Id'] }, { addons: [], extra: true }, {}]) {
      const invalid = await request<ErrorBody>(
        server,
        'PUT',
        `/api/campaigns/${campaignId}/modules`,
        { token: gm.token, body },
      );
      expect(invalid.status, invalid.text).toBe(400);
    }
    expect(server.app.liveTables.loaded(campaignId)!.hash()).toBe(hash);
    expect(await campaignRows()).toEqual(['probe']);
    expect(((await ping(player)) as AckMessage).type).toBe('ack');
  });

  it('enables an add-on with its dependency in the same request', async () => {
    const enabled = await setAddons(['probe', 'probe-base', 'probe-extra']);
    expect(enabled.status, enabled.text).toBe(200);
    expect(((await ping(player, 'probe-extra')) as AckMessage).type).toBe('ack');
    await heard(player, pong('probe-extra'));
    expect(await campaignRows()).toEqual(['probe', 'probe-base', 'probe-extra']);
  });

  it('keeps the old rules running when an add-on throws at load', async () => {
    const hash = server.app.liveTables.loaded(campaignId)!.hash();
    const refused = await setAddons(['probe', 'probe-broken']);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(refused.body.error)).toContain('probe-broken');
    expect(server.app.liveTables.loaded(campaignId)!.hash()).toBe(hash);
    expect(await campaignRows()).toEqual(['probe', 'probe-base', 'probe-extra']);
    const answer = (await ping(player, 'probe-extra')) as AckMessage;
    expect(answer.type, JSON.stringify(answer)).toBe('ack');
    expect(player.socket.readyState).toBe(player.socket.OPEN);
  });

  it('refuses a GM setting the add-ons by an action, so the state agrees with the rows', async () => {
    const gmSocket = await LiveClient.open(server, campaignId, gm);
    await gmSocket.join();
    const refused = (await gmSocket.action('core:update-campaign', {
      modules: [],
    })) as RejectedMessage;
    expect(refused.type).toBe('rejected');
    expect(refused.error.code).toBe('VTT_ERR_PROTOCOL_MODULES_OVER_HTTP');
    await gmSocket.close();
    expect(liveState().campaign.modules).toEqual(['probe', 'probe-base', 'probe-extra']);
  });

  it('disables an add-on: its action is refused naming the module, the socket stays', async () => {
    const disabled = await setAddons(['probe']);
    expect(disabled.status, disabled.text).toBe(200);
    const status = await player.next<ModulesMessage>(
      (m) => m.type === 'modules' && m.modules.length === 2,
    );
    expect(status.modules.map((m) => m.moduleId)).toEqual(['dnd5e', 'probe']);
    const refused = (await ping(player, 'probe-extra')) as RejectedMessage;
    expect(refused.type).toBe('rejected');
    expect(refused.error).toMatchObject({
      code: 'VTT_ERR_MODULE_NOT_FOUND',
      params: { moduleId: 'probe-extra' },
    });
    expect(((await ping(player)) as AckMessage).type).toBe('ack');
    expect(liveState().campaign.modules).toEqual(['probe']);
    expect(player.socket.readyState).toBe(player.socket.OPEN);
  });

  it('loads the table with the enabled add-ons after a restart', async () => {
    const hash = server.app.liveTables.loaded(campaignId)!.hash();
    await player.close();
    await server.close();
    server = await startTestServer(WITH_EXAMPLES, dataDir);
    const again = await login(server, 'pat');
    player = await LiveClient.open(server, campaignId, again);
    const joined = await player.join();
    expect(joined.type === 'snapshot' ? joined.modules : []).toEqual([
      { moduleId: 'dnd5e', state: 'active' },
      { moduleId: 'probe', state: 'active' },
    ]);
    expect(server.app.liveTables.loaded(campaignId)!.hash()).toBe(hash);
    expect(((await ping(player)) as AckMessage).type).toBe('ack');
    await heard(player, pong('probe'));
  });
});

/** `after` with the seq, campaign and undo stacks of `before`: what the reload recorded, taken out. */
function recordTakenOut(after: TableState, before: TableState): TableState {
  return { ...after, seq: before.seq, campaign: before.campaign, undo: before.undo };
}

/** The campaign's `campaign_modules` rows, in order. */
async function campaignRows(): Promise<string[]> {
  const rows = await server.app.db
    .selectFrom('campaign_modules')
    .select('module_id')
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.module_id);
}
