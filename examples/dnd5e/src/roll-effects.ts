/**
 * What a creature's own conditions and exhaustion do to its d20 rolls:
 * advantage, disadvantage and automatic failure, following the SRD's
 * conditions appendix and exhaustion table. Attacks against the creature
 * are in `target-effects.ts`.
 */
import type { Condition } from './conditions.js';
import type { ModeSources } from './d20.js';
import type { Ability } from './rules.js';

/** The kinds of d20 roll a condition can affect. */
export const ROLL_KINDS = {
  attack: 'attack',
  check: 'check',
  save: 'save',
  deathSave: 'death-save',
} as const;
export type RollKind = (typeof ROLL_KINDS)[keyof typeof ROLL_KINDS];

/** One d20 roll of a creature, as far as conditions care. */
export interface OwnRoll {
  readonly kind: RollKind;
  /** The ability of a check or save (a skill's ability for a skill check). */
  readonly ability?: Ability;
  /** The check needs sight (a blinded creature fails it). */
  readonly sight?: boolean;
  /** The check needs hearing (a deafened creature fails it). */
  readonly hearing?: boolean;
  /** The source of a frightened creature's fear is in its line of sight (default true). */
  readonly fearInSight?: boolean;
  /** A social check against a creature the roller has charmed (advantage). */
  readonly vsCharmed?: boolean;
}

/** What conditions do to one roll, and why (`['poisoned: disadvantage']`). */
export interface RollEffects extends ModeSources {
  /** The roll fails whatever the dice show (STR and DEX saves while paralyzed, ...). */
  readonly autoFail: boolean;
  readonly because: readonly string[];
}

/** What a condition can do to a roll, as `because` names it. */
const EFFECT_WORDS = {
  advantage: 'advantage',
  disadvantage: 'disadvantage',
  autoFail: 'automatic failure',
  autoCrit: 'automatic critical hit',
} as const;

/**
 * Collects sources of advantage, disadvantage, automatic failure and
 * automatic critical hits, with the reasons (`'poisoned: disadvantage'`).
 *
 * @example
 * const list = new EffectList();
 * list.add(has('poisoned'), 'poisoned', 'disadvantage');
 */
export class EffectList {
  advantage = false;
  disadvantage = false;
  autoFail = false;
  autoCrit = false;
  readonly because: string[] = [];

  /** Records `effect` from `source` when `when` holds. */
  add(when: boolean, source: string, effect: keyof typeof EFFECT_WORDS): void {
    if (!when) return;
    this[effect] = true;
    this.because.push(`${source}: ${EFFECT_WORDS[effect]}`);
  }
}

/**
 * The advantage, disadvantage and automatic failure that `conditions` and
 * exhaustion `level` give the creature's own `roll`.
 *
 * - attack rolls: advantage while invisible; disadvantage while blinded,
 *   frightened (source in sight), poisoned, prone or restrained, and at
 *   exhaustion 3+;
 * - ability checks (initiative included): disadvantage while frightened
 *   (source in sight) or poisoned and at exhaustion 1+; advantage on a
 *   social check against a creature it charmed; automatic failure of a
 *   check that needs sight while blinded, or hearing while deafened;
 * - saving throws (death saves included): disadvantage at exhaustion 3+;
 *   DEX saves with disadvantage while restrained; STR and DEX saves fail
 *   while paralyzed, petrified, stunned or unconscious.
 *
 * A petrified creature's poison is suspended, so poisoned does nothing then.
 *
 * @example
 * ownRollEffects(['poisoned'], 0, { kind: 'attack' }); // { disadvantage: true, because: ['poisoned: disadvantage'], ... }
 */
export function ownRollEffects(
  conditions: readonly Condition[],
  level: number,
  roll: OwnRoll,
): RollEffects {
  const has = (c: Condition) => conditions.includes(c);
  const poisoned = has('poisoned') && !has('petrified');
  const afraid = has('frightened') && roll.fearInSight !== false;
  const list = new EffectList();
  if (roll.kind === ROLL_KINDS.attack) {
    list.add(has('invisible'), 'invisible', 'advantage');
    for (const c of ['blinded', 'prone', 'restrained'] as const) {
      list.add(has(c), c, 'disadvantage');
    }
    list.add(afraid, 'frightened', 'disadvantage');
    list.add(poisoned, 'poisoned', 'disadvantage');
    list.add(level >= 3, `exhaustion ${level}`, 'disadvantage');
  } else if (roll.kind === ROLL_KINDS.check) {
    list.add(roll.vsCharmed === true, 'charmed target', 'advantage');
    list.add(afraid, 'frightened', 'disadvantage');
    list.add(poisoned, 'poisoned', 'disadvantage');
    list.add(level >= 1, `exhaustion ${level}`, 'disadvantage');
    list.add(roll.sight === true && has('blinded'), 'blinded', 'autoFail');
    list.add(roll.hearing === true && has('deafened'), 'deafened', 'autoFail');
  } else {
    list.add(level >= 3, `exhaustion ${level}`, 'disadvantage');
    list.add(roll.ability === 'dex' && has('restrained'), 'restrained', 'disadvantage');
    if (roll.ability === 'str' || roll.ability === 'dex') {
      for (const c of ['paralyzed', 'petrified', 'stunned', 'unconscious'] as const) {
        list.add(has(c), c, 'autoFail');
      }
    }
  }
  return {
    advantage: list.advantage,
    disadvantage: list.disadvantage,
    autoFail: list.autoFail,
    because: list.because,
  };
}

/**
 * A passive score (10 + bonus), with 5 more for advantage and 5 less for
 * disadvantage from the creature's conditions on ability checks (SRD,
 * "Passive Checks"); both cancel out.
 *
 * @example
 * passiveScore(3, ['poisoned'], 0); // 8
 */
export function passiveScore(bonus: number, conditions: readonly Condition[], level: number) {
  const effects = ownRollEffects(conditions, level, { kind: ROLL_KINDS.check });
  const shift = effects.advantage === effects.disadvantage ? 0 : effects.advantage ? 5 : -5;
  return 10 + bonus + shift;
}
