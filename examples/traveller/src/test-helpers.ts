/**
 * Shared set-up of this module's tests: a table with the module loaded and
 * characters to roll for.
 */
import { fileURLToPath } from 'node:url';
import { createTestTable, type TestTable } from '@vtt/sdk/testing';
import type { CharacterData } from './actor-data.js';
import type { ArmourData, WeaponData } from './equipment.js';

/** The module's entry, as `createTestTable` loads it. */
export const MODULE_ENTRY = fileURLToPath(new URL('./module.ts', import.meta.url));

/** A table with alice and bob as players. */
export function travellerTable(seed: number): Promise<TestTable> {
  return createTestTable({ modules: [MODULE_ENTRY], players: ['alice', 'bob'], seed });
}

/** Vance: UPP 7A8B95, Gun Combat 2, Pilot 0. Owned by alice; see {@link VANCE_GEAR}. */
export const VANCE: CharacterData & { career: string } = {
  characteristics: { str: 7, dex: 10, end: 8, int: 11, edu: 9, soc: 5 },
  skills: { 'gun-combat': 2, pilot: 0, 'zero-g': 1 },
  career: 'Scout',
};

/** An item to put in a test character's inventory. */
export type TestItem =
  | { id: string; name: string; type: 'weapon'; data: WeaponData }
  | { id: string; name: string; type: 'armour'; data: ArmourData };

/** Vance's equipment: a Needle Pistol (2D6) and a worn Mesh Vest (5). */
export const VANCE_GEAR: TestItem[] = [
  {
    id: 'vance-pistol',
    name: 'Needle Pistol',
    type: 'weapon',
    data: { damage: '2D6', skill: 'gun-combat', range: 'pistol' },
  },
  { id: 'vance-vest', name: 'Mesh Vest', type: 'armour', data: { protection: 5, worn: true } },
];

/**
 * Creates a character as the GM, owned by `owner` (a player name) if given,
 * with `items` in its inventory.
 */
export async function createCharacter(
  t: TestTable,
  options: {
    id: string;
    name: string;
    data: CharacterData & Record<string, unknown>;
    owner?: string;
    type?: 'traveller' | 'npc';
    items?: readonly TestItem[];
  },
): Promise<void> {
  await t.gm.act('core:create-actor', {
    id: options.id,
    name: options.name,
    type: options.type ?? 'traveller',
    data: options.data,
    ownership: options.owner === undefined ? {} : { [`player:${options.owner}`]: 'owner' },
  });
  for (const item of options.items ?? []) {
    await t.gm.createItem({ ...item, actorId: options.id });
  }
}
