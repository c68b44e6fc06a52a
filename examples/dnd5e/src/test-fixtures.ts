/**
 * Shared by the tests: the module's entry and actor data builders. Not part
 * of the bundle (module.ts does not import it).
 */
import { fileURLToPath } from 'node:url';
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

/** A level 1 fighter with a longsword; `overrides` replace top-level fields. */
export function characterData(overrides: Record<string, unknown> = {}) {
  return {
    level: 1,
    class: 'Fighter',
    abilities: abilities([16, 12, 14, 10, 10, 8], ['str', 'con']),
    skills: {},
    hp: { value: 12, max: 12, temp: 0 },
    ac: 16,
    hitDie: 'd10',
    hitDiceSpent: 0,
    deathSaves: { successes: 0, failures: 0, stable: false, dead: false },
    attacks: [{ name: 'Longsword', ability: 'str', proficient: true, damage: '1d8[slashing]' }],
    ...overrides,
  };
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
  readonly attacks: { name: string; toHit: number; damage: string }[];
  readonly conditions: string[];
  readonly xp?: number;
}

/**
 * Creates a character (owned by `owner`, default alice) or a GM creature,
 * with a token `tok-<id>` on scene `scene` (created on first use), and
 * gives it `conditions` as token statuses.
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
  };
}
