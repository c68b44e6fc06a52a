/**
 * Sample characters and a table set-up shared by this module's tests.
 */
import { fileURLToPath } from 'node:url';
import { createTestTable, type TestTable } from '@vtt/sdk/testing';

/** The module's entry, as `vtt build` bundles it. */
export const MODULE_ENTRY = fileURLToPath(new URL('./module.ts', import.meta.url));

/**
 * Razor, a street samurai: natural Reaction 5, 6 with the synaptic
 * accelerator {@link startTable} implants (Essence 5.5, 2 initiative dice).
 * Limits: Physical ceil(19/3) = 7, Mental ceil(17/3) = 6, Social
 * ceil((6 + 4 + ceil(5.5))/3) = 6. Monitors: physical 8 + ceil(5/2) = 11,
 * stun 8 + ceil(4/2) = 10. Agility + Pistols = 11.
 */
export const RAZOR_DATA = {
  metatype: 'ork',
  concept: 'Street samurai',
  attributes: {
    body: 5,
    agility: 6,
    reaction: 5,
    strength: 4,
    willpower: 4,
    logic: 4,
    intuition: 5,
    charisma: 3,
    edge: 3,
    magic: 0,
  },
  skills: {
    pistols: { rating: 5, specialization: 'Semi-automatics' },
    sneaking: { rating: 4 },
    perception: { rating: 3 },
    negotiation: { rating: 2 },
  },
  edgeSpent: 0,
  damage: { physical: 0, stun: 0, overflow: 0 },
} as const;

/** A street ganger NPC: Charisma 2 + Intimidation 3, Reaction + Intuition 6. */
export const GANGER_DATA = {
  professionalRating: 1,
  attributes: {
    body: 4,
    agility: 3,
    reaction: 3,
    strength: 4,
    willpower: 2,
    logic: 2,
    intuition: 3,
    charisma: 2,
    edge: 1,
    magic: 0,
  },
  skills: { intimidation: 3, clubs: 4, pistols: 3 },
  damage: { physical: 0, stun: 0, overflow: 0 },
} as const;

/** Razor's data with some fields replaced. */
export const razorWith = (fields: Record<string, unknown>) => ({ ...RAZOR_DATA, ...fields });

/**
 * Gives actor `actorId` the item `entry` of this module's pack `pack`, as
 * the GM, with the item id `id`.
 */
export const give = (t: TestTable, pack: string, entry: string, actorId: string, id: string) =>
  t.gm.act('core:import-compendium', { module: 'shadowrun', pack, entry, actorId, id });

/**
 * A seeded table with the module loaded, players alice, bob and carol, a
 * scene, alice's runner `razor` (bob observes it, carol does not see it)
 * and the GM's NPC `ganger`. Razor carries a Kessler Sidewinder
 * (`sidewinder`: 8P, AP -1, Accuracy 5), wears an armored duster (`duster`,
 * armor 12) and has a synaptic accelerator (`accelerator`); the ganger
 * wears armored streetwear (`streetwear`, armor 6).
 */
export async function startTable(seed: number): Promise<TestTable> {
  const t = await createTestTable({
    modules: [MODULE_ENTRY],
    players: ['alice', 'bob', 'carol'],
    seed,
  });
  await t.gm.act('core:create-scene', { id: 'street', name: 'Redmond underpass' });
  await t.gm.act('core:create-actor', {
    id: 'razor',
    name: 'Razor',
    type: 'runner',
    data: RAZOR_DATA,
    ownership: { 'player:alice': 'owner', 'player:bob': 'observer' },
  });
  await t.gm.act('core:create-actor', {
    id: 'ganger',
    name: 'Ganger',
    type: 'npc',
    data: GANGER_DATA,
  });
  await give(t, 'weapons', 'kessler-sidewinder', 'razor', 'sidewinder');
  await give(t, 'armor', 'armored-duster', 'razor', 'duster');
  await give(t, 'cyberware', 'synaptic-accelerator-1', 'razor', 'accelerator');
  await give(t, 'armor', 'armored-streetwear', 'ganger', 'streetwear');
  return t;
}

/** The newest chat message. */
export const lastMessage = (t: TestTable) => t.state.chat[t.state.chat.length - 1]!;

/** `n` dice that are neither hits nor 1s. */
export const blanks = (n: number): number[] => Array.from({ length: n }, (_, i) => 2 + (i % 3));
