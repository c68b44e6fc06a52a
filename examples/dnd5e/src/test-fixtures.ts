/**
 * Shared by the tests: the module's entry and actor data builders. Not part
 * of the bundle (module.ts does not import it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { JsonValue } from '@vtt/sdk';
import type { TestTable } from '@vtt/sdk/testing';

/** The module entry, bundled by createTestTable as `vtt build` would. */
export const MODULE_ENTRY = fileURLToPath(new URL('./module.ts', import.meta.url));

type Scores = readonly [
  str: number,
  dex: number,
  con: number,
  int: number,
  wis: number,
  cha: number,
];

/** `data.abilities` from six scores, with save proficiency in `saves`. */
export function abilities(scores: Scores, saves: readonly string[] = []) {
  const names = ['str', 'dex', 'con', 'int', 'wis', 'cha'] as const;
  return Object.fromEntries(
    names.map((name, i) => [name, { score: scores[i] ?? 10, save: saves.includes(name) }]),
  );
}

/**
 * A level 1 fighter, proficient with simple and martial weapons (give it
 * `LONGSWORD` as an item); `overrides` replace top-level fields.
 */
export function characterData(overrides: Record<string, unknown> = {}) {
  return {
    level: 1,
    class: 'Fighter',
    abilities: abilities([16, 12, 14, 10, 10, 8], ['str', 'con']),
    skills: {},
    hp: { value: 12, max: 12, temp: 0 },
    hitDie: 'd10',
    hitDiceSpent: 0,
    weaponProficiencies: ['simple', 'martial'],
    deathSaves: { successes: 0, failures: 0, stable: false, dead: false },
    ...overrides,
  };
}

/** The SRD longsword as an item's data (martial, melee, 1d8 slashing, versatile 1d10). */
export const LONGSWORD = {
  category: 'martial',
  range: 'melee',
  damage: '1d8[slashing]',
  versatile: '1d10[slashing]',
  properties: ['versatile'],
  weight: 3,
};

/** Gives actor `actorId` a longsword item `<actorId>-longsword`, as the GM. */
export async function giveLongsword(t: TestTable, actorId: string) {
  await t.gm.createItem({
    id: `${actorId}-longsword`,
    name: 'Longsword',
    type: 'weapon',
    actorId,
    data: LONGSWORD,
  });
}

/** A CR 1/4 creature; `overrides` replace top-level fields. */
export function npcData(overrides: Record<string, unknown> = {}) {
  return {
    cr: 0.25,
    abilities: abilities([8, 14, 10, 10, 8, 8]),
    hp: { value: 7, max: 7, temp: 0 },
    ac: 15,
    attacks: [{ name: 'Scimitar', ability: 'dex', proficient: true, damage: '1d6[slashing]' }],
    ...overrides,
  };
}

/** The derived data the module computes (the fields tests read). */
export interface Derived {
  readonly proficiencyBonus: number;
  readonly abilities: Record<string, { mod: number; save: number }>;
  readonly skills: Record<string, number>;
  readonly passivePerception: number;
  readonly passiveInvestigation: number;
  readonly passiveInsight: number;
  readonly initiative: number;
  readonly speed: number;
  readonly hpMax: number;
  readonly dead: boolean;
  readonly attacks: {
    name: string;
    itemId?: string;
    toHit: number;
    damage: string;
    versatile?: string;
  }[];
  readonly ac: number;
  readonly armor: {
    worn: string | null;
    shield: string | null;
    stealthDisadvantage: boolean;
    tooHeavy: boolean;
  };
  readonly spellcasting: { ability: string; saveDc: number; attack: number } | null;
  readonly carried: { weight: number; capacity: number; over: boolean };
  readonly conditions: string[];
  readonly xp?: number;
}

/**
 * Creates a character (owned by `owner`, default alice, with a longsword
 * item) or a GM creature, with a token `tok-<id>` on scene `scene`
 * (created on first use), and gives it `conditions` as token statuses.
 */
export async function addCreature(
  t: TestTable,
  spec: {
    readonly id: string;
    readonly type?: 'character' | 'npc';
    readonly owner?: string | null;
    readonly data?: Record<string, unknown>;
    readonly conditions?: readonly string[];
    readonly hidden?: boolean;
  },
) {
  if (t.state.scenes.get('scene') === undefined) {
    await t.gm.act('core:create-scene', { id: 'scene', name: 'Scene' });
  }
  const type = spec.type ?? 'character';
  const owner = spec.owner === undefined ? 'alice' : spec.owner;
  await t.gm.act('core:create-actor', {
    id: spec.id,
    name: spec.id.charAt(0).toUpperCase() + spec.id.slice(1),
    type,
    ...(owner === null ? {} : { ownership: { [`player:${owner}`]: 'owner' } }),
    data: type === 'character' ? characterData(spec.data) : npcData(spec.data),
  });
  if (type === 'character') await giveLongsword(t, spec.id);
  await t.gm.act('core:create-token', {
    id: `tok-${spec.id}`,
    sceneId: 'scene',
    name: spec.id,
    x: 0,
    y: 0,
    actorId: spec.id,
    ...(spec.hidden === true ? { hidden: true } : {}),
  });
  for (const condition of spec.conditions ?? []) {
    await t.gm.act('dnd5e:apply-condition', { actorId: spec.id, condition });
  }
}

/** The data of an actor, typed loosely for assertions. */
export function dataOf(t: TestTable, id: string) {
  return t.state.actors.get(id)!.data as {
    hp: { value: number; max: number; temp: number };
    exhaustion?: number;
    concentration?: string;
    deathSaves?: { successes: number; failures: number; stable: boolean; dead: boolean };
    spellSlots?: Record<string, { value: number; max: number }>;
    hitDiceSpent?: number;
  };
}

/** The entries of the SRD spell pack (packs/spells.json). */
export const SPELL_PACK = JSON.parse(
  readFileSync(new URL('../packs/spells.json', import.meta.url), 'utf8'),
) as { id: string; name: string; data: { [key: string]: JsonValue } }[];

/** The data of the pack's spell `id`. */
export const packSpell = (id: string) => SPELL_PACK.find((s) => s.id === id)!;

/**
 * Mira, Alice's level 5 wizard (proficiency +3, INT 16: spell save DC 14,
 * spell attack +6), with `spellSlots` and the pack's spells `spellIds` as
 * spell items of the same ids.
 */
export async function addWizard(
  t: TestTable,
  spellSlots: Record<string, { value: number; max: number }>,
  spellIds: readonly string[],
) {
  await t.gm.act('core:create-actor', {
    id: 'mira',
    name: 'Mira',
    type: 'character',
    ownership: { 'player:alice': 'owner' },
    data: characterData({
      level: 5,
      class: 'Wizard',
      abilities: abilities([8, 14, 12, 16, 12, 10], ['int', 'wis']),
      spellSlots,
    }),
  });
  for (const id of spellIds) {
    const spell = packSpell(id);
    await t.gm.createItem({
      id,
      name: spell.name,
      type: 'spell',
      actorId: 'mira',
      data: spell.data,
    });
  }
}
