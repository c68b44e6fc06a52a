import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '@vtt/core';
import type { ModuleManifest } from '@vtt/core';
import { bundleModule } from '../bundle/bundle-module.js';
import { createTestTable, rejectionOf, type TestTable } from './create-test-table.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test-fixtures/${name}`, import.meta.url));

async function setUpWorld(t: TestTable) {
  await t.gm.act('core:create-scene', { id: 's1', name: 'Keep' });
  await t.gm.act('core:create-actor', {
    id: 'hero',
    name: 'Alia',
    type: 'hero',
    data: { score: 16, hp: 10 },
    ownership: { 'player:alice': 'owner', 'player:bob': 'observer' },
  });
  await t.gm.act('core:create-token', {
    id: 'alia',
    sceneId: 's1',
    name: 'Alia',
    x: 100,
    y: 100,
    actorId: 'hero',
  });
  await t.gm.act('core:create-token', {
    id: 'gm-token',
    sceneId: 's1',
    name: 'Ogre',
    x: 300,
    y: 300,
  });
  await t.gm.act('core:create-token', {
    id: 'secret-token',
    sceneId: 's1',
    name: 'Assassin',
    x: 500,
    y: 500,
    hidden: true,
  });
}

const lastMessage = (t: TestTable): ChatMessage => t.state.chat[t.state.chat.length - 1]!;

describe('createTestTable with a well-behaved module', () => {
  let t: TestTable;
  beforeAll(async () => {
    t = await createTestTable({
      modules: [fixture('heroes-module.ts')],
      players: ['alice', 'bob'],
      seed: 7,
    });
    await setUpWorld(t);
  });
  afterAll(() => t.close());

  it('registers what the module defines', () => {
    const described = t.table.modules.get('heroes')!;
    expect(Object.keys(described.actions)).toEqual(['heroes:heal']);
    expect(described.hooks).toEqual({ before: ['core:move-token'], after: ['core:token-moved'] });
    expect(described.initiative).toBe(true);
    expect(Object.keys(described.rolls)).toEqual(['check']);
  });

  it('runs a custom action as the acting user, with its proposals applied as one batch', async () => {
    const change = await t.player('alice').act('heroes:heal', { actorId: 'hero', amount: 3 });
    expect(change.events.map((e) => e.type)).toEqual(['core:actor-updated', 'core:message-posted']);
    expect(new Set(change.events.map((e) => e.author))).toEqual(new Set(['player:alice']));
    expect((t.state.actors.get('hero')!.data as { hp: number }).hp).toBe(13);
    expect(lastMessage(t).text).toBe('Alia heals 3');
  });

  it('checks the payload against the action schema before module code runs', async () => {
    const error = await rejectionOf(
      t.player('alice').act('heroes:heal', { actorId: 'hero', amount: 0 }),
    );
    expect(error.code).toBe('VTT_ERR_ACTION_INVALID');
    expect(error.params['pointer']).toBe('/payload/amount');
  });

  it('refuses a custom action whose proposals the user may not make (bob only observes the hero)', async () => {
    const before = t.state.seq;
    const error = await rejectionOf(
      t.player('bob').act('heroes:heal', { actorId: 'hero', amount: 3 }),
    );
    expect(error.code).toMatch(/^VTT_ERR_PERMISSION_/);
    expect(t.state.seq).toBe(before);
  });

  it('turns ctx.reject into VTT_ERR_MODULE_REJECTED with the reason, and does not count it as a fault', async () => {
    const error = await rejectionOf(t.gm.act('heroes:heal', { actorId: 'nobody', amount: 1 }));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(error.params['reason']).toBe('no actor nobody');
    expect(t.table.status('heroes')?.failuresInRow).toBe(0);
  });

  it('lets a before-hook adjust a core action and veto another, and runs after-hooks', async () => {
    const change = await t
      .player('alice')
      .act('core:move-token', { tokenId: 'alia', x: 123, y: 100 });
    expect(t.state.tokens.get('alia')!.x).toBe(100); // snapped to 50 px by the hook
    expect(change.events.map((e) => e.type)).toEqual(['core:token-moved', 'core:message-posted']);
    expect(lastMessage(t).text).toBe(`moved (event ${change.events[0]!.seq})`);
    const veto = await rejectionOf(
      t.player('alice').act('core:move-token', { tokenId: 'alia', x: 9000, y: 0 }),
    );
    expect(veto.code).toBe('VTT_ERR_MODULE_VETOED');
  });

  it('computes derived data in the sandbox', async () => {
    expect(await t.derived('hero')).toEqual({ modifier: 3 });
  });

  it('rolls a named roll with forced dice and returns the typed outcome, posted as a chat card', async () => {
    t.forceDice(20);
    const crit = await t.player('alice').roll('check', { actorId: 'hero', args: { dc: 15 } });
    expect(crit.outcome).toMatchObject({
      name: 'check',
      total: 23,
      target: 15,
      margin: 8,
      critical: 'success',
    });
    expect(lastMessage(t).flags['heroes']).toMatchObject({ outcome: { total: 23 } });
    t.forceDice(1);
    const fumble = await t.player('alice').roll('check', { actorId: 'hero' });
    expect(fumble.outcome).toMatchObject({ total: 4, critical: 'failure' });
  });

  it('checks roll arguments against the roll schema, and refuses rolls for actors the user cannot see', async () => {
    const bad = await rejectionOf(
      t.player('alice').roll('check', { actorId: 'hero', args: { dc: 'hard' } }),
    );
    expect(bad.code).toBe('VTT_ERR_ACTION_INVALID');
    expect(bad.params['pointer']).toBe('/args/dc');
    await t.gm.act('core:create-actor', {
      id: 'lich',
      name: 'Lich',
      type: 'hero',
      data: { score: 20, hp: 9 },
    });
    const hidden = await rejectionOf(t.player('alice').roll('check', { actorId: 'lich' }));
    expect(hidden.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect(JSON.stringify(t.player('alice').view())).not.toContain('Lich');
  });

  it('never rolls the same dice twice: the generator state moves on with the events', async () => {
    const totals = [];
    for (let i = 0; i < 6; i++) totals.push((await t.gm.roll('check')).outcome.total);
    expect(new Set(totals).size).toBeGreaterThan(1);
  });

  it('rolls initiative with the module model, and a player may roll only for their own combatant', async () => {
    await t.gm.act('core:start-combat', { sceneId: 's1' });
    await t.gm.act('core:add-combatant', { id: 'c-alia', tokenId: 'alia', actorId: 'hero' });
    await t.gm.act('core:add-combatant', { id: 'c-ogre', tokenId: 'gm-token', name: 'Ogre' });
    t.forceDice(12);
    await t.player('alice').rollInitiative(['c-alia']);
    expect(t.state.combat!.combatants['c-alia']!.initiative).toBe(12 + 3 + 0.16);
    const error = await rejectionOf(t.player('alice').rollInitiative(['c-ogre']));
    expect(error.code).toMatch(/^VTT_ERR_PERMISSION_/);
  });

  it('rolls "for all" only for the player\'s own visible combatants; a hidden one is not found', async () => {
    await t.gm.act('core:end-combat', {});
    await t.gm.act('core:start-combat', { sceneId: 's1' });
    await t.gm.act('core:add-combatant', { id: 'c-alia', tokenId: 'alia', actorId: 'hero' });
    await t.gm.act('core:add-combatant', { id: 'c-ogre', tokenId: 'gm-token', name: 'Ogre' });
    await t.gm.act('core:add-combatant', { id: 'c-lurker', name: 'Lurker', hidden: true });
    const before = t.state.seq;
    const all = await t.player('alice').rollInitiative();
    expect(all.events.filter((e) => e.type === 'core:initiative-set')).toHaveLength(1);
    expect(t.state.combat!.combatants['c-alia']!.initiative).not.toBeNull();
    expect(t.state.combat!.combatants['c-ogre']!.initiative).toBeNull();
    expect(t.state.combat!.combatants['c-lurker']!.initiative).toBeNull();
    const hidden = await rejectionOf(t.player('alice').rollInitiative(['c-lurker']));
    const missing = await rejectionOf(t.player('alice').rollInitiative(['c-nobody']));
    expect(hidden.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect({ ...hidden.params, id: 'x' }).toEqual({ ...missing.params, id: 'x' });
    expect(t.state.seq).toBe(before + all.events.length);
  });

  it('runs chat commands and macros, and posts plain chat', async () => {
    t.forceDice(2);
    await t.player('bob').chat('/flip');
    expect(lastMessage(t)).toMatchObject({
      text: 'Tails',
      author: 'player:bob',
      flags: { heroes: { face: 2 } },
    });
    await t.player('bob').macro('shout', 'charge');
    expect(lastMessage(t).text).toBe('Someone: CHARGE');
    await t.player('bob').macro('shout', 'charge', { speaker: 'hero' }); // bob observes the hero
    expect(lastMessage(t).text).toBe('Alia: CHARGE');
    await t.gm.act('core:create-actor', {
      id: 'villain',
      name: 'Vex',
      type: 'hero',
      data: { score: 8, hp: 5 },
    });
    const hidden = await rejectionOf(t.player('bob').macro('shout', 'boo', { speaker: 'villain' }));
    expect(hidden.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    await t.player('bob').chat('hello');
    expect(lastMessage(t).text).toBe('hello');
    const unknown = await rejectionOf(t.player('bob').chat('/nope'));
    expect(unknown.code).toBe('VTT_ERR_MODULE_UNKNOWN_NAME');
  });

  it('shows each viewer only what they may see', () => {
    expect(t.gm.view().tokens.get('secret-token')).toBeDefined();
    expect(t.player('alice').view().tokens.get('secret-token')).toBeUndefined();
    expect(JSON.stringify(t.player('alice').view())).not.toContain('Assassin');
  });
});

describe('createTestTable with a hostile module', () => {
  let t: TestTable;
  let other: TestTable;
  beforeAll(async () => {
    [t, other] = await Promise.all([
      createTestTable({
        modules: [fixture('hostile-module.ts')],
        players: ['alice'],
        limits: { quarantineAfter: 3 },
      }),
      createTestTable({ modules: [fixture('heroes-module.ts')], players: ['alice'] }),
    ]);
    await setUpWorld(t);
    await setUpWorld(other);
  });
  afterAll(async () => {
    await t.close();
    await other.close();
  });

  it("cannot move another user's token on a player's behalf", async () => {
    const error = await rejectionOf(t.player('alice').act('hostile:move-other', {}));
    expect(error.code).toMatch(/^VTT_ERR_PERMISSION_/);
    expect(t.state.tokens.get('gm-token')!).toMatchObject({ x: 300, y: 300 });
  });

  it("cannot unhide a token on a player's behalf, nor even learn that it exists", async () => {
    const error = await rejectionOf(t.player('alice').act('hostile:unhide', {}));
    expect(['VTT_ERR_DOCUMENT_NOT_FOUND', 'VTT_ERR_PERMISSION_GM_ONLY']).toContain(error.code);
    expect(t.state.tokens.get('secret-token')!.hidden).toBe(true);
  });

  it('turns bad dice notation into a refusal, not a fault', async () => {
    const error = await rejectionOf(t.gm.act('hostile:roll-text', { notation: '2d' }));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(t.table.status('hostile')?.failuresInRow).toBe(0);
  });

  it('may not propose an undo', async () => {
    expect((await rejectionOf(t.gm.act('hostile:undo', {}))).code).toBe('VTT_ERR_MODULE_PROPOSAL');
  });

  it('times out a hanging handler while another table keeps serving, then works again', async () => {
    const spinning = rejectionOf(t.gm.act('hostile:spin', {}));
    const meanwhile = await other
      .player('alice')
      .act('heroes:heal', { actorId: 'hero', amount: 1 });
    expect(meanwhile.events.length).toBe(2);
    expect((await spinning).code).toBe('VTT_ERR_SANDBOX_TIMEOUT');
    const ok = await t.gm.act('hostile:ok', {});
    expect(ok.events.map((e) => e.type)).toEqual(['core:message-posted']);
  });

  it('quarantines the module after repeated faults, for this table only', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await rejectionOf(t.gm.act('hostile:throw', {}))).code).toBe(
        'VTT_ERR_SANDBOX_MODULE_THREW',
      );
    }
    const suspended = await rejectionOf(t.gm.act('hostile:ok', {}));
    expect(suspended.code).toBe('VTT_ERR_MODULE_SUSPENDED');
    expect(suspended.params).toMatchObject({ moduleId: 'hostile', failures: 3 });
    expect(t.table.status('hostile')?.state).toBe('quarantined');
    expect(t.table.moduleStatus()).toMatchObject([{ moduleId: 'hostile', state: 'suspended' }]);
    // Every member is told once, in a public message.
    const notices = t.state.chat.filter((m) => m.text.includes('"hostile" are suspended'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.whisper).toEqual([]);
    expect(notices[0]!.text).toContain('VTT_ERR_SANDBOX_MODULE_THREW');
    expect(JSON.stringify(t.player('alice').view().chat)).toContain('are suspended');
    await t.gm.act('core:move-token', { tokenId: 'gm-token', x: 350, y: 300 }); // core actions still work
    expect(t.state.tokens.get('gm-token')!.x).toBe(350);
    expect((await other.gm.roll('check')).outcome.total).toBeGreaterThan(0);
    // Only a GM may restart it; then its rules apply again, and everyone is told.
    const byPlayer = await rejectionOf(t.table.restartModule('hostile', 'player:alice'));
    expect(byPlayer.code).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    await t.table.restartModule('hostile', 'gm');
    expect(t.table.moduleStatus()).toMatchObject([
      { moduleId: 'hostile', state: 'active', failuresInRow: 0 },
    ]);
    expect(t.state.chat.at(-1)).toMatchObject({ whisper: [] });
    expect(t.state.chat.at(-1)!.text).toContain('restarted module "hostile"');
    const ok = await t.gm.act('hostile:ok', {});
    expect(ok.events.map((e) => e.type)).toEqual(['core:message-posted']);
  });
});

describe('createTestTable with a system that has initiative passes', () => {
  it('starts every combat with the system pass step, and runs the passes', async () => {
    const t = await createTestTable({ modules: [fixture('passes-module.ts')], players: [] });
    try {
      await t.gm.act('core:create-scene', { id: 's1', name: 'Street' });
      await t.gm.act('core:start-combat', { sceneId: 's1' });
      expect(t.state.combat!.passStep).toBe(10);
      await t.gm.act('core:add-combatant', { id: 'sam', name: 'Sam' });
      await t.gm.act('core:add-combatant', { id: 'ork', name: 'Ork', initiative: 8 });
      t.forceDice(5);
      await t.gm.rollInitiative(['sam']);
      expect(t.state.combat!.combatants['sam']!.initiative).toBe(25);
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        await t.gm.act('core:next-turn', {});
        seen.push(`${t.state.combat!.round}.${t.state.combat!.pass} ${t.state.combat!.turn}`);
      }
      expect(seen).toEqual(['1.1 sam', '1.1 ork', '1.2 sam', '1.3 sam', '2.1 sam']);
    } finally {
      await t.close();
    }
  });
});

describe('createTestTable with a manifest', () => {
  it('refuses actor data that does not match its type schema, from users and module code alike', async () => {
    const built = await bundleModule({ entry: fixture('heroes-module.ts'), sourcemap: false });
    const manifest = {
      id: 'heroes',
      name: 'Heroes',
      version: '1.0.0',
      kind: 'system',
      engine: '^0.1.0',
      capabilities: {
        propose: ['core:update-actor', 'core:send-message'],
        hooks: { before: ['core:move-token'], after: ['core:token-moved'] },
      },
      actorTypes: {
        hero: {
          label: 'Hero',
          schema: {
            type: 'object',
            additionalProperties: false,
            required: ['score', 'hp'],
            properties: {
              score: { type: 'integer', minimum: 1, maximum: 30 },
              hp: { type: 'integer', minimum: 0, maximum: 20 },
            },
          },
        },
      },
    } as unknown as ModuleManifest;
    const t = await createTestTable({ modules: [{ source: built.code!, id: 'heroes', manifest }] });
    try {
      const bad = await rejectionOf(
        t.gm.act('core:create-actor', {
          id: 'x',
          name: 'X',
          type: 'hero',
          data: { score: 99, hp: 1 },
        }),
      );
      expect(bad.code).toBe('VTT_ERR_DOCUMENT_INVALID');
      expect(String(bad.params['problem'])).toContain('/data/score');
      expect(t.state.actors.get('x')).toBeUndefined();
      await t.gm.act('core:create-actor', {
        id: 'a',
        name: 'A',
        type: 'hero',
        data: { score: 10, hp: 10 },
      });
      const overheal = await rejectionOf(t.gm.act('heroes:heal', { actorId: 'a', amount: 15 }));
      expect(overheal.code).toBe('VTT_ERR_DOCUMENT_INVALID');
      expect((t.state.actors.get('a')!.data as { hp: number }).hp).toBe(10);
      await t.gm.act('heroes:heal', { actorId: 'a', amount: 5 });
      expect((t.state.actors.get('a')!.data as { hp: number }).hp).toBe(15);
    } finally {
      await t.close();
    }
  });
});
