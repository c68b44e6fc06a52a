import { fileURLToPath } from 'node:url';
import {
  commit,
  createTableState,
  decide,
  type ChatMessage,
  type TableAction,
  type TableState,
} from '@vtt/core';
import { createModuleTable, createSandboxHost, type SandboxHost } from '@vtt/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleModule } from '../bundle/bundle-module.js';

/**
 * A table far bigger than the sandbox's 1 MiB argument cap loads into a
 * module and stays in step with it, through the real sandbox.
 */
/** The default argument cap (`maxArgChars`). */
const DEFAULT_CAP = 1024 * 1024;
const SMALL_CAP = 256 * 1024;
const census = fileURLToPath(new URL('../../test-fixtures/census-module.ts', import.meta.url));

const act = (state: TableState, userId: string, type: string, payload: unknown): TableState =>
  commit(state, decide(state, { type, payload } as TableAction, { userId, now: 1_000 }), {
    author: userId,
    now: 1_000,
  }).state;

/** A monster with a realistic stat block: about 2.5 KB of JSON. */
const monster = (i: number) => ({
  id: `m${i}`,
  name: `Goblin Skirmisher ${i}`,
  type: 'npc',
  data: {
    abilities: { str: 8, dex: 14, con: 10, int: 10, wis: 8, cha: 8 },
    hp: { value: 7, max: 7, formula: '2d6' },
    ac: 15,
    speed: { walk: 30 },
    senses: 'darkvision 60 ft., passive Perception 9',
    languages: ['Common', 'Goblin'],
    cr: 0.25,
    actions: [
      {
        name: 'Scimitar',
        attack: '+4',
        damage: '1d6+2 slashing',
        text: 'Melee Weapon Attack: +4 to hit, reach 5 ft., one target. '.repeat(8),
      },
      {
        name: 'Shortbow',
        attack: '+4',
        damage: '1d6+2 piercing',
        text: 'Ranged Weapon Attack: +4 to hit, range 80/320 ft., one target. '.repeat(8),
      },
    ],
    traits: [{ name: 'Nimble Escape', text: 'Disengage or Hide as a bonus action. '.repeat(10) }],
  },
});

/** 500 monsters and 200 chat cards with module flags: about 1.2 MB of JSON. */
function bigTable(): TableState {
  let state = createTableState({ campaignId: 'big', name: 'Big', gmUserId: 'gm', seed: 3 });
  state = act(state, 'gm', 'core:set-member', { userId: 'p1', name: 'Ann', role: 'player' });
  for (let i = 0; i < 500; i++) state = act(state, 'gm', 'core:create-actor', monster(i));
  for (let i = 0; i < 200; i++) {
    state = act(state, i % 2 ? 'p1' : 'gm', 'core:send-message', {
      text: `Goblin ${i} attacks: 17 to hit, 6 damage`,
      flags: { census: { card: { rolls: [17, 6], notes: 'critical on 20. '.repeat(60) } } },
    });
  }
  return state;
}

const lastData = (state: TableState): unknown =>
  (state.chat[state.chat.length - 1] as ChatMessage).flags['census'];

describe('a table bigger than the argument cap', () => {
  let host: SandboxHost;
  let smallCapHost: SandboxHost;
  let source: string;
  let state: TableState;

  beforeAll(async () => {
    host = await createSandboxHost({ workers: 1 });
    smallCapHost = await createSandboxHost({ workers: 1, limits: { maxArgChars: SMALL_CAP } });
    const built = await bundleModule({ entry: census, sourcemap: false });
    source = built.code!;
    state = bigTable();
  });
  afterAll(async () => {
    await host.close();
    await smallCapHost.close();
  });

  it('loads whole into its module and the module sees every document', async () => {
    const { seq: _s, rng: _r, undo: _u, ...docs } = state;
    expect(JSON.stringify(docs).length).toBeGreaterThan(DEFAULT_CAP);
    const table = await createModuleTable({
      host,
      tableId: 'big-1',
      state,
      modules: [{ id: 'census', source }],
    });
    await table.dispatch({ type: 'census:count', payload: {} }, 'gm');
    expect(lastData(table.state)).toEqual({
      actors: 500,
      chat: 200,
      actorsChars: JSON.stringify(state.actors).length,
      chatChars: JSON.stringify(state.chat).length,
    });
    await table.close();
  });

  it('feeds a batch of events bigger than the cap to the module in parts', async () => {
    // A small argument cap, so that one batch (a module's proposals, whose result is capped
    // at 1 MiB too) is several times over it.
    const table = await createModuleTable({
      host: smallCapHost,
      tableId: 'big-2',
      state: createTableState({ campaignId: 'small', name: 'Small', gmUserId: 'gm', seed: 3 }),
      modules: [{ id: 'census', source }],
    });
    const change = await table.dispatch(
      { type: 'census:spawn', payload: { count: 300, chars: 3_000 } },
      'gm',
    );
    expect(JSON.stringify(change.events).length).toBeGreaterThan(3 * SMALL_CAP);
    await table.dispatch({ type: 'census:count', payload: {} }, 'gm');
    expect(lastData(table.state)).toMatchObject({
      actors: 300,
      actorsChars: JSON.stringify(table.state.actors).length,
    });
    expect(table.status('census')).toMatchObject({ state: 'ready', failuresInRow: 0 });
    await table.close();
  });

  it('refuses five chat messages with 250 KB of flags each; module calls keep working', async () => {
    const table = await createModuleTable({
      host,
      tableId: 'big-3',
      state: act(
        createTableState({ campaignId: 'spam', name: 'Spam', gmUserId: 'gm', seed: 3 }),
        'gm',
        'core:set-member',
        { userId: 'p1', name: 'Ann', role: 'player' },
      ),
      modules: [{ id: 'census', source }],
    });
    for (let i = 0; i < 5; i++) {
      const spam = {
        type: 'core:send-message',
        payload: { text: `spam ${i}`, flags: { census: { blob: 'x'.repeat(250 * 1024) } } },
      };
      await expect(table.dispatch(spam, 'p1')).rejects.toMatchObject({
        code: 'VTT_ERR_DOCUMENT_TOO_LARGE',
        params: { collection: 'chat' },
      });
    }
    expect(table.state.chat).toHaveLength(0);
    await table.dispatch({ type: 'census:count', payload: {} }, 'p1');
    expect(lastData(table.state)).toMatchObject({ chat: 0 });
    expect(table.status('census')).toMatchObject({ state: 'ready', failuresInRow: 0 });
    await table.close();
  });
});
