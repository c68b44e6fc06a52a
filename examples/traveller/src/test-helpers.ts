/**
 * Shared set-up of this module's tests: a table with the module loaded and
 * characters to roll for.
 */
import { fileURLToPath } from 'node:url';
import { createTestTable, type TestTable } from '@vtt/sdk/testing';
import type { CharacterData } from './actor-data.js';

/** The module's entry, as `createTestTable` loads it. */
export const MODULE_ENTRY = fileURLToPath(new URL('./module.ts', import.meta.url));

/** A table with alice and bob as players. */
export function travellerTable(seed: number): Promise<TestTable> {
  return createTestTable({ modules: [MODULE_ENTRY], players: ['alice', 'bob'], seed });
}

/** Vance: UPP 7A8B95, Gun Combat 2, Pilot 0, Mesh Vest (5). Owned by alice. */
export const VANCE: CharacterData & { career: string } = {
  characteristics: { str: 7, dex: 10, end: 8, int: 11, edu: 9, soc: 5 },
  skills: { 'gun-combat': 2, pilot: 0, 'zero-g': 1 },
  armour: { name: 'Mesh Vest', protection: 5 },
  weapons: [{ name: 'Needle Pistol', damage: '2D6', skill: 'gun-combat' }],
  career: 'Scout',
};

/** Creates a character as the GM, owned by `owner` (a player name) if given. */
export async function createCharacter(
  t: TestTable,
  options: {
    id: string;
    name: string;
    data: CharacterData & Record<string, unknown>;
    owner?: string;
    type?: 'traveller' | 'npc';
  },
): Promise<void> {
  await t.gm.act('core:create-actor', {
    id: options.id,
    name: options.name,
    type: options.type ?? 'traveller',
    data: options.data,
    ownership: options.owner === undefined ? {} : { [`player:${options.owner}`]: 'owner' },
  });
}
