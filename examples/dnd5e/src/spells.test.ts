import {
  afterAll,
  beforeAll,
  createTestTable,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import type { JsonValue } from '@vtt/sdk';
import {
  addCreature,
  addWizard,
  dataOf,
  MODULE_ENTRY,
  packSpell,
  type Derived,
} from './test-fixtures.js';

// Mira: a level 5 wizard (proficiency +3), INT 16: spell save DC 14, spell
// attack +6. The targets are CR 1/4 creatures with DEX 14 (+2), 50 HP.
describe('casting spell items: slots, upcasting, spell attacks and the fireball', () => {
  let t: TestTable;
  const alice = () => t.player('alice');
  const cast = (args: { [key: string]: JsonValue }, by = t.gm) =>
    by.roll('cast', { actorId: 'mira', args });
  const hp = (id: string) => dataOf(t, id).hp.value;
  const lastTexts = (n: number) => t.state.chat.slice(-n).map((m) => m.text);

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 17 });
    await addWizard(
      t,
      {
        '1': { value: 4, max: 4 },
        '2': { value: 3, max: 3 },
        '3': { value: 2, max: 2 },
        '5': { value: 1, max: 1 },
      },
      ['fireball', 'fire-bolt', 'cure-wounds', 'hold-person'],
    );
    const hp = { value: 50, max: 50, temp: 0 };
    await addCreature(t, { id: 'failer', type: 'npc', owner: null, data: { hp } });
    await addCreature(t, { id: 'saver', type: 'npc', owner: null, data: { hp } });
    await addCreature(t, {
      id: 'salamander',
      type: 'npc',
      owner: null,
      data: { hp, resistances: ['fire'] },
    });
    await addCreature(t, {
      id: 'elemental',
      type: 'npc',
      owner: null,
      data: { hp, immunities: ['fire'] },
    });
    await addCreature(t, { id: 'ally', data: { hp: { value: 30, max: 30, temp: 0 } } });
  });
  afterAll(() => t.close());

  it('derives the spell save DC and attack bonus from the class’s casting ability', async () => {
    const d = (await t.derived('mira')) as unknown as Derived;
    expect(d.spellcasting).toEqual({ ability: 'int', saveDc: 14, attack: 6 });
  });

  it('fireball: each target saves against the DC; a failure takes 8d6, a success half, resistance halves', async () => {
    // 8d6 fire = 28, then the DEX saves: 5 + 2 fails, 15 + 2 saves, 3 + 2 fails.
    t.forceDice(3, 4, 5, 6, 1, 2, 3, 4, 5, 15, 3);
    const { outcome } = await cast({
      itemId: 'fireball',
      targets: ['tok-failer', 'tok-saver', 'tok-salamander'],
    });
    expect(outcome).toMatchObject({ label: 'Mira: Fireball', total: 28 });
    expect(outcome.rolls).toHaveLength(4); // the damage and every save, each with its dice
    expect(outcome.data).toMatchObject({
      dc: 14,
      damage: { formula: '8d6[fire]' },
      targets: [
        { name: 'Failer', saved: false, taken: 28, half: false, applied: true },
        { name: 'Saver', saved: true, taken: 14, half: true, applied: true },
        { name: 'Salamander', saved: false, taken: 14, half: false, applied: true },
      ],
    });
    expect([hp('failer'), hp('saver'), hp('salamander')]).toEqual([22, 36, 36]);
    expect(lastTexts(3)).toEqual([
      'Failer: Fireball, Dexterity save 7 vs DC 14: failure; takes 28 fire damage.',
      'Saver: Fireball, Dexterity save 17 vs DC 14: success; takes 14 fire damage (half).',
      'Salamander: Fireball, Dexterity save 5 vs DC 14: failure; takes 14 fire damage (resistant to fire).',
    ]);
    expect(dataOf(t, 'mira').spellSlots?.['3']).toEqual({ value: 1, max: 2 });
  });

  it('upcast with a 5th-level slot: 10d6, the 5th-level slot spent; an immune target takes nothing', async () => {
    t.forceDice(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2);
    const { outcome } = await cast({ itemId: 'fireball', level: 5, targets: ['tok-elemental'] });
    expect(outcome).toMatchObject({ label: 'Mira: Fireball (level 5)', total: 10 });
    expect(outcome.data).toMatchObject({
      slotLevel: 5,
      damage: { formula: '10d6[fire]' },
      targets: [{ name: 'Elemental', saved: false, taken: 0 }],
    });
    expect(hp('elemental')).toBe(50);
    expect(dataOf(t, 'mira').spellSlots).toMatchObject({
      '3': { value: 1, max: 2 },
      '5': { value: 0, max: 1 },
    });
  });

  it('refuses a cast with no slot of that level left, or below the spell’s level', async () => {
    const none = await rejectionOf(cast({ itemId: 'fireball', level: 5, targets: ['tok-saver'] }));
    expect(none.params['reason']).toBe('Mira has no level 5 spell slot left');
    const low = await rejectionOf(cast({ itemId: 'fireball', level: 2 }));
    expect(low.code).toBe('VTT_ERR_MODULE_REJECTED');
    await cast({ itemId: 'fireball' }); // the last 3rd-level slot, no targets
    const spent = await rejectionOf(cast({ itemId: 'fireball' }));
    expect(spent.params['reason']).toBe('Mira has no level 3 spell slot left');
    expect(dataOf(t, 'mira').spellSlots?.['3']).toEqual({ value: 0, max: 2 });
  });

  it('a player’s fireball reports what a GM creature takes, for the GM to apply, without its secrets', async () => {
    await t.gm.act('core:update-actor', {
      actorId: 'mira',
      patch: {
        data: {
          ...(t.state.actors.get('mira')!.data as object),
          spellSlots: { '2': { value: 3, max: 3 }, '3': { value: 1, max: 2 } },
        },
      },
    });
    await t.gm.act('core:update-token', { tokenId: 'tok-salamander', patch: { name: 'Shadow' } });
    t.forceDice(6, 6, 6, 6, 6, 6, 6, 6, 1, 1);
    const { outcome } = await cast(
      { itemId: 'fireball', targets: ['tok-salamander', 'tok-ally'] },
      alice(),
    );
    // Alice may not see the salamander's data: its token's name, no save die, no resistance.
    expect((outcome.data as { targets: unknown[] }).targets).toEqual([
      {
        tokenId: 'tok-salamander',
        name: 'Shadow',
        saved: false,
        taken: 24,
        half: false,
        applied: false,
        notes: [],
      },
      expect.objectContaining({ name: 'Ally', taken: 48, applied: true }),
    ]);
    expect(outcome.rolls).toHaveLength(2); // the damage and the ally's save
    expect(hp('salamander')).toBe(36);
    expect(hp('ally')).toBe(0);
    const card = t.state.chat.at(-2)!;
    expect(card.text).toBe(
      'Shadow: Fireball, Dexterity save vs DC 14: failure; takes 24 fire damage, for the GM to apply.',
    );
    expect(card.roll).toBeNull();
    const seen = JSON.stringify(t.player('alice').view().chat.slice(-3));
    expect(seen).not.toContain('Salamander');
    expect(seen).not.toContain('resistant');
  });

  it('a cantrip spell attack: +6 to hit, two dice at 5th level, doubled on a critical; no slot spent', async () => {
    const before = dataOf(t, 'mira').spellSlots;
    t.forceDice(20, 1, 2, 3, 4);
    const { outcome } = await cast({ itemId: 'fire-bolt', targetAc: 25, damage: true }, alice());
    expect(outcome).toMatchObject({ label: 'Mira: Fire Bolt', total: 26, critical: 'success' });
    expect(outcome.data).toMatchObject({
      bonus: 6,
      hit: true,
      damage: { formula: '4d10[fire]', total: 10 },
    });
    expect(dataOf(t, 'mira').spellSlots).toEqual(before);
  });

  it('a healing spell adds the casting modifier, upcast adds its dice', async () => {
    t.forceDice(5, 7);
    const { outcome } = await cast({ itemId: 'cure-wounds', level: 2 }, alice());
    expect(outcome).toMatchObject({ total: 5 + 7 + 3, data: { healing: { formula: '2d8 + 3' } } });
    expect(dataOf(t, 'mira').spellSlots?.['2']).toEqual({ value: 2, max: 3 });
  });

  it('a concentration spell without damage: the save alone, and the caster concentrates on it', async () => {
    t.forceDice(18);
    const { outcome } = await cast({ itemId: 'hold-person', targets: ['tok-failer'] }, alice());
    expect(outcome.data).toMatchObject({ dc: 14, save: 'wis', targets: [{ saved: true }] });
    expect(dataOf(t, 'mira').concentration).toBe('Hold Person');
  });

  it("refuses a spell that is not the caster's own item", async () => {
    await t.gm.createItem({
      id: 'allys-fireball',
      name: 'Fireball',
      type: 'spell',
      actorId: 'ally',
      data: packSpell('fireball').data,
    });
    const error = await rejectionOf(cast({ itemId: 'allys-fireball' }, alice()));
    expect(error.params['reason']).toBe('Mira has no item allys-fireball');
  });

  it('a restrained target saves with disadvantage, a paralyzed one fails; the caster in its own blast spends the slot and takes the damage', async () => {
    await t.gm.act('core:update-actor', {
      actorId: 'mira',
      patch: {
        data: {
          ...(t.state.actors.get('mira')!.data as object),
          hp: { value: 40, max: 40, temp: 0 },
          spellSlots: { '3': { value: 2, max: 2 } },
        },
      },
    });
    await t.gm.act('core:create-token', {
      id: 'tok-mira',
      sceneId: 'scene',
      name: 'Mira',
      x: 0,
      y: 0,
      actorId: 'mira',
    });
    const hp = { value: 50, max: 50, temp: 0 };
    await addCreature(t, {
      id: 'bound',
      type: 'npc',
      owner: null,
      data: { hp },
      conditions: ['restrained'],
    });
    await addCreature(t, {
      id: 'frozen',
      type: 'npc',
      owner: null,
      data: { hp },
      conditions: ['paralyzed'],
    });
    // 8d6 = 8; bound rolls 18 and 2 (keeps 2), frozen's 20 fails anyway, Mira (DEX +2) rolls 15: half.
    t.forceDice(1, 1, 1, 1, 1, 1, 1, 1, 18, 2, 20, 15);
    const { outcome } = await cast({
      itemId: 'fireball',
      targets: ['tok-bound', 'tok-frozen', 'tok-mira'],
    });
    expect(outcome.data).toMatchObject({
      targets: [
        { name: 'Bound', saved: false, taken: 8, save: { mode: 'disadvantage', natural: 2 } },
        { name: 'Frozen', saved: false, taken: 8, save: { autoFail: true } },
        { name: 'Mira', saved: true, taken: 4 },
      ],
    });
    expect(dataOf(t, 'mira')).toMatchObject({
      hp: { value: 36 },
      spellSlots: { '3': { value: 1, max: 2 } },
    });
  });
});
