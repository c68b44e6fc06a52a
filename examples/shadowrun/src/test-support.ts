/**
 * Sample characters and a table set-up shared by this module's tests.
 */
import { fileURLToPath } from 'node:url';
import { createTestTable, type TestTable } from '@vtt/sdk/testing';

/** The module's entry, as `vtt build` bundles it. */
export const MODULE_ENTRY = fileURLToPath(new URL('./module.ts', import.meta.url));

/**
 * Razor, a street samurai. Limits: Physical ceil(19/3) = 7, Mental
 * ceil(17/3) = 6, Social ceil((6 + 4 + ceil(5.6))/3) = 6. Monitors:
 * physical 8 + ceil(5/2) = 11, stun 8 + ceil(4/2) = 10. Agility + Pistols = 11.
 */
export const RAZOR_DATA = {
  metatype: 'ork',
  concept: 'Street samurai',
  attributes: {
    body: 5,
    agility: 6,
    reaction: 6,
    strength: 4,
    willpower: 4,
    logic: 4,
    intuition: 5,
    charisma: 3,
    edge: 3,
    essence: 5.6,
    magic: 0,
  },
  skills: {
    pistols: { rating: 5, specialization: 'Semi-automatics' },
    sneaking: { rating: 4 },
    perception: { rating: 3 },
    negotiation: { rating: 2 },
  },
  initiativeDice: 2,
  edgeSpent: 0,
  armor: 12,
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
    essence: 6,
    magic: 0,
  },
  skills: { intimidation: 3, clubs: 4, pistols: 3 },
  initiativeDice: 1,
  armor: 6,
  damage: { physical: 0, stun: 0, overflow: 0 },
} as const;

/** Razor's data with some fields replaced. */
export const razorWith = (fields: Record<string, unknown>) => ({ ...RAZOR_DATA, ...fields });

/**
 * A seeded table with the module loaded, players alice and bob, a scene,
 * alice's runner `razor` (bob observes it) and the GM's NPC `ganger`.
 */
export async function startTable(seed: number): Promise<TestTable> {
  const t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice', 'bob'], seed });
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
  return t;
}

/** The newest chat message. */
export const lastMessage = (t: TestTable) => t.state.chat[t.state.chat.length - 1]!;

/** `n` dice that are neither hits nor 1s. */
export const blanks = (n: number): number[] => Array.from({ length: n }, (_, i) => 2 + (i % 3));
