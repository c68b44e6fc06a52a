/**
 * The named rolls: `check`, `characteristic`, `attack` and `damage`.
 */
import type { JsonSchema, RollDefinition } from '@vtt/sdk';
import type { JsonValue } from './json.js';
import { CHARACTERISTICS, type Characteristic } from './characteristics.js';
import { DIFFICULTY_SCHEMA, checkLabel, rollCheck, targetOf, type Difficulty } from './checks.js';
import { characterData, type Weapon } from './actor-data.js';
import { defaultCharacteristic } from './skills.js';
import { requireCharacter } from './subject.js';

/** Arguments shared by every check-like roll. */
export type CheckArgs = {
  characteristic?: Characteristic;
  difficulty?: Difficulty | number;
  dm?: number;
  boon?: boolean;
  bane?: boolean;
};

/** Skill ids: kebab-case. */
export const SKILL_ID_SCHEMA: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,39}$' };

const checkArgProperties: Record<string, JsonSchema> = {
  characteristic: { enum: [...CHARACTERISTICS] },
  difficulty: DIFFICULTY_SCHEMA,
  dm: { type: 'integer', minimum: -20, maximum: 20 },
  boon: { type: 'boolean' },
  bane: { type: 'boolean' },
};

/** `check`: 2D6 + characteristic DM + skill level (or -3 unskilled) + `dm` vs the difficulty. */
export const checkRoll: RollDefinition<CheckArgs & { skill: string }> = {
  label: 'Skill check',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['skill'],
    properties: { skill: SKILL_ID_SCHEMA, ...checkArgProperties },
  },
  roll(ctx) {
    const actor = requireCharacter(ctx, ctx.subject);
    const { skill } = ctx.args;
    const characteristic =
      ctx.args.characteristic ??
      defaultCharacteristic(skill) ??
      ctx.reject(`Name the characteristic to use with ${skill}.`);
    return rollCheck(ctx, actor, {
      characteristic,
      skill,
      target: targetOf(ctx.args.difficulty),
      ...optional(ctx.args),
    });
  },
};

/** `characteristic`: 2D6 + characteristic DM + `dm` vs the difficulty, no skill. */
export const characteristicRoll: RollDefinition<CheckArgs & { characteristic: Characteristic }> = {
  label: 'Characteristic check',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['characteristic'],
    properties: checkArgProperties,
  },
  roll(ctx) {
    const actor = requireCharacter(ctx, ctx.subject);
    return rollCheck(ctx, actor, {
      characteristic: ctx.args.characteristic,
      skill: null,
      target: targetOf(ctx.args.difficulty),
      ...optional(ctx.args),
    });
  },
};

/** Arguments of `attack`: a weapon the actor carries (by name) or a skill. */
export type AttackArgs = CheckArgs & { weapon?: string; skill?: string };

/**
 * `attack`: a check with the weapon's skill and characteristic (Gun Combat
 * and DEX unless the weapon says otherwise), Average (8+) by default. Its
 * Effect goes into `damage` when the attack hits.
 */
export const attackRoll: RollDefinition<AttackArgs> = {
  label: 'Attack',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      weapon: { type: 'string', minLength: 1, maxLength: 100 },
      skill: SKILL_ID_SCHEMA,
      ...checkArgProperties,
    },
  },
  roll(ctx) {
    const actor = requireCharacter(ctx, ctx.subject);
    const weapon =
      ctx.args.weapon === undefined ? undefined : findWeapon(ctx, actor, ctx.args.weapon);
    const skill = ctx.args.skill ?? weapon?.skill ?? 'gun-combat';
    const characteristic =
      ctx.args.characteristic ??
      weapon?.characteristic ??
      defaultCharacteristic(skill) ??
      ctx.reject(`Name the characteristic to use with ${skill}.`);
    const base = rollCheck(ctx, actor, {
      label: `${weapon === undefined ? 'Attack' : weapon.name}: ${checkLabel(characteristic, skill)}`,
      characteristic,
      skill,
      target: targetOf(ctx.args.difficulty),
      ...optional(ctx.args),
    });
    return {
      ...base,
      data: {
        ...(base.data as Record<string, JsonValue>),
        weapon: weapon?.name ?? null,
        damage: weapon?.damage ?? null,
        hit: (base.effect ?? 0) >= 0,
      },
    };
  },
};

/** Arguments of `damage`. */
export type DamageArgs = { weapon?: string; dice?: string; effect?: number };

/**
 * Damage dice as Traveller writes them: `3D6`, `3D`, `2D6+2`, `1D6-1`.
 * Returns the engine's notation, or null.
 *
 * @example
 * damageNotation('3D'); // '3d6'
 */
export function damageNotation(text: string): string | null {
  const match = /^([1-9][0-9]?)[dD]6?(?:([+-])([0-9]{1,2}))?$/.exec(text.trim());
  if (match === null) return null;
  return `${match[1]}d6${match[2] === undefined ? '' : ` ${match[2]} ${match[3]}`}`;
}

/**
 * `damage`: the weapon's dice (or `dice`), plus the attack's Effect when it
 * hit (`effect` >= 0). A negative Effect is a miss, and is refused.
 */
export const damageRoll: RollDefinition<DamageArgs> = {
  label: 'Damage',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      weapon: { type: 'string', minLength: 1, maxLength: 100 },
      dice: { type: 'string', minLength: 1, maxLength: 16 },
      effect: { type: 'integer', minimum: -30, maximum: 30 },
    },
  },
  roll(ctx) {
    const actor = requireCharacter(ctx, ctx.subject);
    const weapon =
      ctx.args.weapon === undefined ? undefined : findWeapon(ctx, actor, ctx.args.weapon);
    const text = ctx.args.dice ?? weapon?.damage ?? ctx.reject('Give a weapon or damage dice.');
    const notation =
      damageNotation(text) ?? ctx.reject(`"${text}" is not damage dice like 3D6 or 2D6+2.`);
    const effect = ctx.args.effect ?? 0;
    if (effect < 0) ctx.reject(`The attack missed (Effect ${effect}): there is no damage to roll.`);
    const name = weapon?.name ?? 'Damage';
    const roll = ctx.dice.roll(notation, { label: name });
    const total = Math.max(0, roll.total + effect);
    return {
      label: `${actor.name}: ${name} damage (${text} + Effect ${effect})`,
      total,
      rolls: [roll],
      data: {
        actorId: actor.id,
        weapon: weapon?.name ?? null,
        dice: text,
        rolled: roll.total,
        effect,
      },
    };
  },
};

function findWeapon(
  ctx: { reject(reason: string): never },
  actor: Parameters<typeof characterData>[0],
  name: string,
): Weapon {
  const weapons = characterData(actor).weapons ?? [];
  const wanted = name.toLowerCase();
  return (
    weapons.find((w) => w.name.toLowerCase() === wanted) ??
    ctx.reject(`${actor.name} carries no weapon called "${name}".`)
  );
}

function optional(args: CheckArgs): { dm?: number; boon?: boolean; bane?: boolean } {
  return {
    ...(args.dm === undefined ? {} : { dm: args.dm }),
    ...(args.boon === undefined ? {} : { boon: args.boon }),
    ...(args.bane === undefined ? {} : { bane: args.bane }),
  };
}
