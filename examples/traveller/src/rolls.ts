/**
 * The named rolls: `check`, `characteristic`, `attack` and `damage`.
 */
import type { JsonSchema, ModuleContext, RollDefinition, RollResult } from '@vtt/sdk';
import type { JsonValue } from './json.js';
import { CHARACTERISTICS, CHARACTERISTIC_LABELS, type Characteristic } from './characteristics.js';
import { DIFFICULTY_SCHEMA, checkLabel, rollCheck, targetOf, type Difficulty } from './checks.js';
import { characterData } from './actor-data.js';
import { findWeapon, skillKey, specialityLabel } from './equipment.js';
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

/** Which weapon an attack or damage roll uses: a weapon item by id (sheet buttons add it) or name. */
export type WeaponRef = { itemId?: string; weapon?: string };

/** Arguments of `attack`: a weapon item, or a skill, and the check arguments. */
export type AttackArgs = CheckArgs & WeaponRef & { skill?: string; burst?: boolean };

const weaponRefProperties: Record<string, JsonSchema> = {
  itemId: { type: 'string', minLength: 1, maxLength: 128 },
  weapon: { type: 'string', minLength: 1, maxLength: 100 },
};

/**
 * `attack`: a check with the weapon item's skill (and speciality) and
 * characteristic (Gun Combat and DEX without a weapon), Average (8+) by
 * default. On a hit with a weapon it also rolls the damage: the weapon's
 * dice + the Effect (+ its Auto n for a `burst`), in `data.damageRoll`,
 * with the weapon's Armour Piercing in `data.ap` for `traveller:apply-damage`.
 */
export const attackRoll: RollDefinition<AttackArgs> = {
  label: 'Attack',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...weaponRefProperties,
      skill: SKILL_ID_SCHEMA,
      burst: { type: 'boolean' },
      ...checkArgProperties,
    },
  },
  roll(ctx) {
    const actor = requireCharacter(ctx, ctx.subject);
    const weapon = findWeapon(ctx, actor, ctx.args);
    const skills = characterData(actor).skills ?? {};
    const baseSkill = ctx.args.skill ?? weapon?.data.skill ?? 'gun-combat';
    const speciality = ctx.args.skill === undefined ? weapon?.data.speciality : undefined;
    const skill = skillKey(skills, baseSkill, speciality);
    const characteristic =
      ctx.args.characteristic ??
      weapon?.data.characteristic ??
      defaultCharacteristic(baseSkill) ??
      ctx.reject(`Name the characteristic to use with ${baseSkill}.`);
    const auto = weapon?.data.traits?.auto ?? 0;
    if (ctx.args.burst === true && auto === 0) {
      ctx.reject(
        `${weapon?.name ?? 'An attack without a weapon'} has no Auto trait to fire a burst.`,
      );
    }
    const base = rollCheck(ctx, actor, {
      label: `${weapon?.name ?? 'Attack'}: ${specialityCheckLabel(characteristic, baseSkill, speciality)}`,
      characteristic,
      skill,
      target: targetOf(ctx.args.difficulty),
      ...optional(ctx.args),
    });
    const effect = base.effect ?? 0;
    const hit = effect >= 0;
    const damage =
      weapon !== undefined && hit
        ? rollDamage(ctx, weapon.data.damage, weapon.name, effect + (ctx.args.burst ? auto : 0))
        : null;
    return {
      ...base,
      label: damage === null ? base.label : `${base.label}; ${damage.total} damage`,
      rolls: damage === null ? base.rolls : [...base.rolls, damage.roll],
      data: {
        ...(base.data as Record<string, JsonValue>),
        weapon: weapon?.name ?? null,
        itemId: weapon?.id ?? null,
        damage: weapon?.data.damage ?? null,
        ap: weapon?.data.traits?.ap ?? 0,
        hit,
        damageRoll:
          damage === null
            ? null
            : {
                rolled: damage.roll.total,
                effect,
                auto: ctx.args.burst ? auto : 0,
                total: damage.total,
              },
      },
    };
  },
};

/** Arguments of `damage`. */
export type DamageArgs = WeaponRef & { dice?: string; effect?: number };

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
 * Rolls damage dice `text` plus `bonus` (an attack's Effect and more),
 * never below 0. Refuses dice it cannot read.
 */
export function rollDamage(
  ctx: Pick<ModuleContext, 'dice' | 'reject'>,
  text: string,
  label: string,
  bonus: number,
): { roll: RollResult; total: number } {
  const notation =
    damageNotation(text) ?? ctx.reject(`"${text}" is not damage dice like 3D6 or 2D6+2.`);
  const roll = ctx.dice.roll(notation, { label: `${label} damage` });
  return { roll, total: Math.max(0, roll.total + bonus) };
}

/**
 * `damage`: a weapon item's dice (or `dice`), plus the attack's Effect when
 * it hit (`effect` >= 0). A negative Effect is a miss, and is refused.
 */
export const damageRoll: RollDefinition<DamageArgs> = {
  label: 'Damage',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...weaponRefProperties,
      dice: { type: 'string', minLength: 1, maxLength: 16 },
      effect: { type: 'integer', minimum: -30, maximum: 30 },
    },
  },
  roll(ctx) {
    const actor = requireCharacter(ctx, ctx.subject);
    const weapon = findWeapon(ctx, actor, ctx.args);
    const text =
      ctx.args.dice ?? weapon?.data.damage ?? ctx.reject('Give a weapon or damage dice.');
    const effect = ctx.args.effect ?? 0;
    if (effect < 0) ctx.reject(`The attack missed (Effect ${effect}): there is no damage to roll.`);
    const name = weapon?.name ?? 'Damage';
    const { roll, total } = rollDamage(ctx, text, name, effect);
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
        ap: weapon?.data.traits?.ap ?? 0,
      },
    };
  },
};

/**
 * The name of a check with a speciality: `Gun Combat (slug), DEX`; without
 * one as {@link checkLabel}: `Gun Combat (DEX)`.
 */
export function specialityCheckLabel(
  characteristic: Characteristic,
  skill: string,
  speciality: string | undefined,
): string {
  if (speciality === undefined) return checkLabel(characteristic, skill);
  return `${specialityLabel(skill, speciality)}, ${CHARACTERISTIC_LABELS[characteristic]}`;
}

/** The optional DMs, boon and bane of check arguments, without undefined values. */
export function optional(args: CheckArgs): { dm?: number; boon?: boolean; bane?: boolean } {
  return {
    ...(args.dm === undefined ? {} : { dm: args.dm }),
    ...(args.boon === undefined ? {} : { boon: args.boon }),
    ...(args.bane === undefined ? {} : { bane: args.bane }),
  };
}
