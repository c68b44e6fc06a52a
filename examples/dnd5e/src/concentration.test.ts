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
import { addCreature, dataOf, MODULE_ENTRY } from './test-fixtures.js';

// Level 1 fighters with 60 hit points: CON 14 and proficient, CON save +4.
describe('concentration', () => {
  let t: TestTable;
  const alice = () => t.player('alice');
  const concentrate = (id: string, spell: string) =>
    alice().act('dnd5e:start-concentration', { actorId: id, spell });
  const hurt = (id: string, amount: number, extra: Record<string, unknown> = {}) =>
    alice().act('dnd5e:apply-damage', { actorId: id, amount, ...extra });
  const card = () =>
    t.state.chat.at(-1)!.flags['dnd5e'] as {
      outcome: { total: number; target: number; data: { natural: number; success: boolean } };
      concentration: { spell: string; dc: number; kept: boolean };
    };
  const big = { hp: { value: 60, max: 60, temp: 0 }, immunities: ['poison'] };

  beforeAll(async () => {
    t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 17 });
    for (const id of ['mage', 'cleric', 'druid', 'bard', 'monk']) {
      await addCreature(t, { id, data: big });
    }
  });
  afterAll(() => t.close());

  it('holds one concentration at a time: starting a second ends the first', async () => {
    await concentrate('mage', 'Bless');
    expect(dataOf(t, 'mage').concentration).toBe('Bless');
    await concentrate('mage', 'Hold Person');
    expect(dataOf(t, 'mage').concentration).toBe('Hold Person');
    expect(t.state.chat.slice(-2).map((m) => m.text)).toEqual([
      'Mage stops concentrating on Bless.',
      'Mage concentrates on Hold Person.',
    ]);
  });

  it('calls for a CON save of DC 10 on damage, posted with its roll; a success keeps it', async () => {
    t.forceDice(6); // 6 + 4 = 10 against DC 10 for 7 damage
    await hurt('mage', 7);
    expect(card()).toMatchObject({
      outcome: { total: 10, target: 10, data: { natural: 6, success: true } },
      concentration: { spell: 'Hold Person', dc: 10, kept: true },
    });
    expect(t.state.chat.at(-1)!.roll).toBeDefined();
    expect(dataOf(t, 'mage').concentration).toBe('Hold Person');
  });

  it('makes the DC half the damage when that is more than 10; a failure ends it', async () => {
    t.forceDice(10); // 10 + 4 = 14 against DC 15 for 31 damage
    await hurt('mage', 31);
    expect(card().concentration).toEqual({ spell: 'Hold Person', dc: 15, kept: false });
    expect(dataOf(t, 'mage')).not.toHaveProperty('concentration');
    expect(dataOf(t, 'mage').hp.value).toBe(60 - 7 - 31);
  });

  it('counts damage that temporary hit points absorb, and no save without damage taken', async () => {
    await concentrate('cleric', 'Bless');
    await alice().act('dnd5e:grant-temp-hp', { actorId: 'cleric', amount: 10 });
    t.forceDice(2); // 2 + 4 < 10
    await hurt('cleric', 5);
    expect(dataOf(t, 'cleric').hp).toEqual({ value: 60, max: 60, temp: 5 });
    expect(card().concentration).toMatchObject({ dc: 10, kept: false });
    await concentrate('cleric', 'Bless');
    const before = t.state.chat.length;
    await hurt('cleric', 9, { type: 'poison' });
    expect(t.state.chat.length).toBe(before + 1); // the damage line only
    expect(dataOf(t, 'cleric').concentration).toBe('Bless');
  });

  it('ends at 0 hit points without a save', async () => {
    await concentrate('druid', 'Entangle');
    await hurt('druid', 60);
    expect(dataOf(t, 'druid')).not.toHaveProperty('concentration');
    expect(t.state.chat.at(-1)!.text).toBe('Druid loses concentration on Entangle.');
    expect(t.state.chat.at(-1)!.roll).toBeNull();
  });

  it('ends when the creature is incapacitated, and cannot start while it is', async () => {
    await concentrate('bard', 'Faerie Fire');
    await t.gm.act('dnd5e:apply-condition', { actorId: 'bard', condition: 'stunned' });
    expect(dataOf(t, 'bard')).not.toHaveProperty('concentration');
    expect(t.state.chat.at(-1)!.text).toBe(
      'Bard is stunned and loses concentration on Faerie Fire.',
    );
    const error = await rejectionOf(concentrate('bard', 'Faerie Fire'));
    expect(error.code).toBe('VTT_ERR_MODULE_REJECTED');
  });

  it('ends on each condition that includes incapacitated', async () => {
    for (const condition of ['incapacitated', 'paralyzed', 'petrified', 'unconscious']) {
      const id = `caster-${condition}`;
      await addCreature(t, { id, data: big });
      await concentrate(id, 'Bless');
      await t.gm.act('dnd5e:apply-condition', { actorId: id, condition, rounds: 1 });
      expect(dataOf(t, id)).not.toHaveProperty('concentration');
    }
    await addCreature(t, { id: 'caster-prone', data: big });
    await concentrate('caster-prone', 'Bless');
    await t.gm.act('dnd5e:apply-condition', { actorId: 'caster-prone', condition: 'prone' });
    expect(dataOf(t, 'caster-prone').concentration).toBe('Bless');
  });

  it('ends at exhaustion 6, and at will; ending none is refused', async () => {
    await concentrate('monk', 'Shield of Faith');
    await alice().act('dnd5e:end-concentration', { actorId: 'monk' });
    expect(dataOf(t, 'monk')).not.toHaveProperty('concentration');
    const none = await rejectionOf(alice().act('dnd5e:end-concentration', { actorId: 'monk' }));
    expect(none.code).toBe('VTT_ERR_MODULE_REJECTED');
    await concentrate('monk', 'Shield of Faith');
    await t.gm.act('core:update-actor', {
      actorId: 'monk',
      patch: { data: { ...(t.state.actors.get('monk')!.data as object), exhaustion: 5 } },
    });
    await alice().act('dnd5e:apply-condition', { actorId: 'monk', condition: 'exhaustion' });
    expect(dataOf(t, 'monk')).toMatchObject({ exhaustion: 6 });
    expect(dataOf(t, 'monk')).not.toHaveProperty('concentration');
  });
});
