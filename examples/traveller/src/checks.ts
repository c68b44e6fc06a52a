/**
 * Checks: 2D6 + characteristic DM + skill DM + other DMs against a target
 * number, with boon and bane, Effect and criticals.
 */
import type { JsonSchema, ModuleContext, RollOutcome } from '@vtt/sdk';
import { CHARACTERISTIC_LABELS, characteristicDm, type Characteristic } from './characteristics.js';
import { activeConditions, conditionModifiers, type Condition } from './conditions.js';
import { characterData, currentCharacteristics, type Actor } from './actor-data.js';
import { wornArmour } from './equipment.js';
import { skillDm, skillLabel } from './skills.js';

/** Target numbers by difficulty name; a check with none is Average (8+). */
export const DIFFICULTIES = {
  simple: 2,
  easy: 4,
  routine: 6,
  average: 8,
  difficult: 10,
  'very-difficult': 12,
  formidable: 14,
} as const;

/** One of the difficulty names. */
export type Difficulty = keyof typeof DIFFICULTIES;

/** The difficulty names. */
export const DIFFICULTY_NAMES = Object.keys(DIFFICULTIES) as Difficulty[];

/** The target of a check with no difficulty given. */
export const DEFAULT_TARGET = DIFFICULTIES.average;

/** Effect at or above which a success is critical; its negative is a critical failure. */
export const CRITICAL_EFFECT = 6;

/** JSON Schema of a difficulty: a name or a target number. */
export const DIFFICULTY_SCHEMA: JsonSchema = {
  anyOf: [{ enum: DIFFICULTY_NAMES }, { type: 'integer', minimum: 2, maximum: 20 }],
};

/** The target number of a difficulty name or number (Average by default). */
export function targetOf(difficulty: Difficulty | number | undefined | null): number {
  if (difficulty === undefined || difficulty === null) return DEFAULT_TARGET;
  return typeof difficulty === 'number' ? difficulty : DIFFICULTIES[difficulty];
}

/**
 * Reads a difficulty typed by a person: a name (`difficult`, `very difficult`,
 * `Very-Difficult`) or a target (`10`, `10+`). Returns null if it is neither.
 *
 * @example
 * parseDifficulty('very difficult'); // 12
 */
export function parseDifficulty(text: string): number | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, '-');
  if (Object.prototype.hasOwnProperty.call(DIFFICULTIES, key)) {
    return DIFFICULTIES[key as Difficulty];
  }
  const match = /^(\d{1,2})\+?$/.exec(key);
  if (match === null) return null;
  const target = Number(match[1]);
  return target >= 2 && target <= 20 ? target : null;
}

/** What a check is made of. */
export type CheckSpec = {
  /** Shown on the chat card, e.g. `Gun Combat (DEX)`. */
  readonly label?: string;
  readonly characteristic: Characteristic | null;
  /** A skill id; null for a plain characteristic check. */
  readonly skill: string | null;
  readonly target: number;
  /** Other DMs (range, cover, equipment...). */
  readonly dm?: number;
  readonly boon?: boolean;
  readonly bane?: boolean;
};

/** The dice of a check: 2D6, or 3D6 keeping the best or worst two. */
export function checkDice(boons: number, banes: number): string {
  if (boons > banes) return '3d6kh2';
  if (banes > boons) return '3d6kl2';
  return '2d6';
}

/**
 * Rolls a check for `actor` and returns its outcome: `total` (dice + DMs),
 * `target`, `effect` and `margin` (both total - target; success when >= 0),
 * `critical` (`success` at Effect 6+, `failure` at -6 or less) and the parts
 * in `data`. Conditions on the actor's combatants apply, and so does armour
 * worn without its required skill.
 */
export function rollCheck(
  ctx: Pick<ModuleContext, 'dice' | 'state' | 'items'>,
  actor: Actor,
  spec: CheckSpec,
): Omit<RollOutcome, 'name'> {
  const data = characterData(actor);
  const current = currentCharacteristics(data);
  const conditions: Condition[] = activeConditions(ctx.state, actor.id);
  const fromConditions = conditionModifiers(conditions, spec.characteristic);
  const characteristic =
    spec.characteristic === null ? 0 : characteristicDm(current[spec.characteristic]);
  const skillLevel = spec.skill === null ? null : (data.skills?.[spec.skill] ?? null);
  const skill = spec.skill === null ? 0 : skillDm(data.skills ?? {}, spec.skill);
  const armour = wornArmour(ctx, actor.id, data.skills ?? {}).skillDm;
  const other = spec.dm ?? 0;
  const boons = spec.boon ? 1 : 0;
  const banes = (spec.bane ? 1 : 0) + (fromConditions.bane ? 1 : 0);
  const dice = checkDice(boons, banes);
  const label = spec.label ?? checkLabel(spec.characteristic, spec.skill);
  const roll = ctx.dice.roll(dice, { label });
  const total = roll.total + characteristic + skill + fromConditions.dm + armour + other;
  const effect = total - spec.target;
  const critical =
    effect >= CRITICAL_EFFECT ? 'success' : effect <= -CRITICAL_EFFECT ? 'failure' : null;
  return {
    label: `${actor.name}: ${label} ${spec.target}+, ${describeResult(effect, critical)}`,
    total,
    target: spec.target,
    effect,
    margin: effect,
    critical,
    rolls: [roll],
    data: {
      actorId: actor.id,
      success: effect >= 0,
      dice: roll.total,
      characteristic: spec.characteristic,
      skill: spec.skill,
      skillLevel,
      unskilled: spec.skill !== null && skillLevel === null,
      boonBane: boons > banes ? 'boon' : banes > boons ? 'bane' : null,
      conditions: fromConditions.conditions,
      dms: { characteristic, skill, conditions: fromConditions.dm, armour, other },
    },
  };
}

/** The name of a check, e.g. `Gun Combat (DEX)` or `END`. */
export function checkLabel(characteristic: Characteristic | null, skill: string | null): string {
  const char = characteristic === null ? null : CHARACTERISTIC_LABELS[characteristic];
  if (skill === null) return char ?? 'Check';
  return char === null ? skillLabel(skill) : `${skillLabel(skill)} (${char})`;
}

/** The verdict of a check for its chat card: `success, Effect +2`, `failure, Effect -3`. */
export function describeResult(effect: number, critical: 'success' | 'failure' | null): string {
  const sign = effect >= 0 ? '+' : '';
  const verdict =
    critical === 'success'
      ? 'critical success'
      : critical === 'failure'
        ? 'critical failure'
        : effect >= 0
          ? 'success'
          : 'failure';
  return `${verdict}, Effect ${sign}${effect}`;
}
