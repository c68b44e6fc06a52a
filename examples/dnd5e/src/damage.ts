/**
 * Damage rolls with types (`2d6[slashing] + 1d4[fire] + 3`) and criticals,
 * which double the number of dice but not the modifiers.
 */
import type { ModuleContext, RollDefinition } from '@vtt/sdk';
import { armorClass } from './armor-class.js';
import { argsOf, creatureArg } from './args.js';
import { safeRoll } from './d20.js';
import { DAMAGE_TYPES, isOneOf } from './rules.js';
import type { JsonValue, RollResult } from './sdk-types.js';
import { chosenWeapon } from './weapons.js';

/** Longest damage formula accepted. */
const MAX_FORMULA = 200;

/**
 * Doubles the number of every die in `formula`, leaving modifiers and labels
 * alone: what a critical hit does to damage.
 *
 * @example
 * doubleDice('2d6[slashing] + 1d4[fire] + 3'); // '4d6[slashing] + 2d4[fire] + 3'
 */
export function doubleDice(formula: string): string {
  // Only outside [labels]; a count is the number right before `d` (none means 1).
  return formula
    .split(/(\[[^\]]*\])/)
    .map((part) =>
      part.startsWith('[')
        ? part
        : part.replace(
            /(^|[^a-z0-9])(\d*)d(\d+|%)/gi,
            (_m, before: string, count: string, sides: string) =>
              `${before}${(count === '' ? 1 : Number(count)) * 2}d${sides}`,
          ),
    )
    .join('');
}

/**
 * Splits a damage roll by type: each dice term counts for its `[label]`
 * (`untyped` without a damage-type label); what is left, the flat
 * modifiers, counts for the first term's type.
 *
 * @example
 * damageByType(roll); // { slashing: 9, fire: 3 } for '2d6[slashing] + 1d4[fire] + 2'
 */
export function damageByType(roll: RollResult): Record<string, number> {
  const byType: Record<string, number> = {};
  let first: string | null = null;
  let counted = 0;
  for (const term of roll.terms) {
    const type: string = isOneOf(DAMAGE_TYPES, term.label) ? term.label : 'untyped';
    first ??= type;
    byType[type] = (byType[type] ?? 0) + term.value;
    counted += term.value;
  }
  const rest = roll.total - counted;
  if (rest !== 0 || first === null) {
    const type = first ?? 'untyped';
    byType[type] = (byType[type] ?? 0) + rest;
  }
  for (const type of Object.keys(byType)) byType[type] = Math.max(0, byType[type] ?? 0);
  return byType;
}

/** A rolled damage expression. */
export type DamageRoll = {
  roll: RollResult;
  total: number;
  formula: string;
  critical: boolean;
  byType: Record<string, number>;
};

/**
 * Rolls damage, doubling the dice on a critical hit. The total is never
 * below 0.
 *
 * @example
 * rollDamage(ctx, '1d8[slashing] + 3', true).formula; // '2d8[slashing] + 3'
 */
export function rollDamage(ctx: ModuleContext, formula: string, critical: boolean): DamageRoll {
  if (formula.trim() === '' || formula.length > MAX_FORMULA) {
    return ctx.reject(`a damage formula is 1 to ${MAX_FORMULA} characters, e.g. 1d8[slashing] + 3`);
  }
  const rolled = critical ? doubleDice(formula) : formula;
  const roll = safeRoll(ctx, rolled);
  return {
    roll,
    total: Math.max(0, roll.total),
    formula: rolled,
    critical,
    byType: damageByType(roll),
  };
}

/** The outcome of a damage roll. */
export function damageOutcome(label: string, damage: DamageRoll) {
  const byType: Record<string, JsonValue> = { ...damage.byType };
  return {
    label,
    total: damage.total,
    critical: damage.critical ? ('success' as const) : null,
    rolls: [damage.roll],
    data: { formula: damage.formula, byType },
  };
}

/**
 * `damage` {formula? | itemId? | attack?, twoHanded?, critical?}: rolls a
 * damage formula, or the damage of one of the actor's weapons (with its
 * ability modifier and magic bonus; `twoHanded` for a versatile weapon's).
 */
export const damage: RollDefinition = {
  label: 'Damage',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      formula: { type: 'string', minLength: 1, maxLength: MAX_FORMULA },
      itemId: { type: 'string', minLength: 1, maxLength: 64 },
      attack: { type: 'string', minLength: 1, maxLength: 100 },
      twoHanded: { type: 'boolean' },
      critical: { type: 'boolean' },
    },
  },
  roll: (ctx) => {
    const args = argsOf(ctx.args);
    const critical = args['critical'] === true;
    if (typeof args['formula'] === 'string') {
      return damageOutcome('Damage', rollDamage(ctx, args['formula'], critical));
    }
    const { actor, creature } = creatureArg(ctx, ctx.subject);
    const shield = armorClass(creature, ctx.items(actor.id)).shield !== null;
    const weapon = chosenWeapon(ctx, actor, creature, args, shield);
    if (weapon === undefined || weapon.damage === '') {
      return ctx.reject(`give a formula, or a weapon of ${creature.name} (itemId or attack)`);
    }
    const rolled = rollDamage(ctx, weapon.damage, critical);
    return damageOutcome(`${creature.name}: ${weapon.name} damage`, rolled);
  },
};
