/**
 * Attack rolls: d20 + attack bonus against a target's AC. A natural 20 is a
 * critical hit (it hits, and doubles the damage dice); a natural 1 always
 * misses, whatever the bonus.
 */
import type { RollDefinition } from '@vtt/sdk';
import { argsOf, creatureArg, intArg, modeArg } from './args.js';
import { activeConditions, conditionEffects, ROLL_KINDS } from './conditions.js';
import { attackBonus, attackDamage } from './creature.js';
import { resolveMode, rollD20 } from './d20.js';
import { rollDamage } from './damage.js';
import type { JsonValue } from './sdk-types.js';

/**
 * `attack` {attack?, bonus?, mode?, targetAc?, damage?}: an attack roll for
 * one of the actor's attacks (by name) or a bare bonus. With `targetAc` the
 * outcome has `target`, `margin` and `data.hit`; with `damage: true` a hit
 * also rolls its damage (doubled dice on a critical) into `data.damage`.
 */
export const attack: RollDefinition = {
  label: 'Attack',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      attack: { type: 'string', minLength: 1, maxLength: 100 },
      bonus: { type: 'integer', minimum: -100, maximum: 100 },
      mode: { enum: ['normal', 'advantage', 'disadvantage'] },
      targetAc: { type: 'integer', minimum: 0, maximum: 100 },
      damage: { type: 'boolean' },
    },
  },
  roll: (ctx) => {
    const args = argsOf(ctx.args);
    const { actor, creature } = creatureArg(ctx, ctx.subject);
    const named =
      args['attack'] === undefined
        ? undefined
        : (creature.attacks.find((a) => a.name === args['attack']) ??
          ctx.reject(
            `${creature.name} has no attack ${JSON.stringify(args['attack'])}; it has ${creature.attacks.map((a) => a.name).join(', ') || 'none'}`,
          ));
    const extra = intArg(ctx, args, 'bonus', -100, 100) ?? 0;
    const bonus = (named === undefined ? 0 : attackBonus(creature, named)) + extra;
    const targetAc = intArg(ctx, args, 'targetAc', 0, 100);
    const conditions = activeConditions(ctx.state, actor, creature);
    const effects = conditionEffects(conditions, creature.exhaustion, ROLL_KINDS.attack);
    const d20 = rollD20(ctx, { bonus, mode: resolveMode(modeArg(ctx, args), effects) });
    const critical = d20.natural === 20 ? 'success' : d20.natural === 1 ? 'failure' : null;
    const hit =
      critical === 'success'
        ? true
        : critical === 'failure'
          ? false
          : targetAc === undefined
            ? null
            : d20.total >= targetAc;
    const data: Record<string, JsonValue> = {
      natural: d20.natural,
      bonus,
      mode: d20.mode,
      hit,
      attack: named?.name ?? null,
    };
    const rolls = [d20.roll];
    const formula = named === undefined ? '' : attackDamage(creature, named);
    if (args['damage'] === true && formula !== '' && hit !== false) {
      const damage = rollDamage(ctx, formula, critical === 'success');
      rolls.push(damage.roll);
      data['damage'] = { total: damage.total, formula: damage.formula, byType: damage.byType };
    }
    return {
      label: `${creature.name}: ${named?.name ?? 'Attack'}`,
      total: d20.total,
      ...(targetAc === undefined ? {} : { target: targetAc, margin: d20.total - targetAc }),
      critical,
      rolls,
      data,
    };
  },
};
