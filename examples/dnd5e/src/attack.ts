/**
 * Attack rolls: d20 + attack bonus against a target's AC. A natural 20 is a
 * critical hit (it hits, and doubles the damage dice); a natural 1 always
 * misses, whatever the bonus. The attacker's conditions and the target's
 * (`target-effects.ts`) give advantage, disadvantage or a critical hit.
 */
import type { ModuleContext, RollDefinition } from '@vtt/sdk';
import { argsOf, creatureArg, intArg, modeArg } from './args.js';
import { assertCanAct } from './can-act.js';
import { activeConditions } from './conditions.js';
import { attackBonus, attackDamage } from './creature.js';
import { resolveMode, rollD20 } from './d20.js';
import { rollDamage } from './damage.js';
import { ownRollEffects, ROLL_KINDS } from './roll-effects.js';
import type { JsonValue } from './sdk-types.js';
import {
  DISTANCE_CONDITIONS,
  targetConditions,
  targetEffects,
  type TargetEffects,
} from './target-effects.js';

const NO_TARGET: TargetEffects = {
  advantage: false,
  disadvantage: false,
  autoCrit: false,
  because: [],
};

/** The effects of the target token's conditions; refused when distance matters and is not given. */
function againstTarget(
  ctx: ModuleContext,
  tokenId: string,
  within5ft: boolean | undefined,
): TargetEffects {
  const found = targetConditions(ctx, tokenId);
  const near = DISTANCE_CONDITIONS.find((c) => found.includes(c));
  if (near !== undefined && within5ft === undefined) {
    ctx.reject(`the target is ${near}: say whether the attacker is within 5 feet (within5ft)`);
  }
  return targetEffects(found, within5ft);
}

/**
 * `attack` {attack?, bonus?, mode?, targetAc?, damage?, target?, within5ft?,
 * fearInSight?, targetIsCharmer?}: an attack roll for one of the actor's
 * attacks (by name) or a bare bonus. With `targetAc` the outcome has
 * `target`, `margin` and `data.hit`; with `damage: true` a hit also rolls
 * its damage (doubled dice on a critical) into `data.damage`. `target` is
 * the token attacked: its conditions give advantage, disadvantage or a
 * critical hit (`within5ft` says whether the attacker is within 5 feet,
 * needed against a prone, paralyzed or unconscious target). A dead or
 * incapacitated attacker is refused, and so is a charmed one attacking its
 * charmer (`targetIsCharmer`).
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
      target: { type: 'string', minLength: 1, maxLength: 64 },
      within5ft: { type: 'boolean' },
      fearInSight: { type: 'boolean' },
      targetIsCharmer: { type: 'boolean' },
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
    assertCanAct(ctx, creature, conditions, 'attack');
    if (args['targetIsCharmer'] === true && conditions.includes('charmed')) {
      ctx.reject(`${creature.name} is charmed and cannot attack its charmer`);
    }
    const own = ownRollEffects(conditions, creature.exhaustion, {
      kind: ROLL_KINDS.attack,
      ...(typeof args['fearInSight'] === 'boolean' ? { fearInSight: args['fearInSight'] } : {}),
    });
    const within5ft = typeof args['within5ft'] === 'boolean' ? args['within5ft'] : undefined;
    const targetId = typeof args['target'] === 'string' ? args['target'] : undefined;
    const against = targetId === undefined ? NO_TARGET : againstTarget(ctx, targetId, within5ft);
    const mode = resolveMode(modeArg(ctx, args), {
      advantage: own.advantage || against.advantage,
      disadvantage: own.disadvantage || against.disadvantage,
    });
    const d20 = rollD20(ctx, { bonus, mode });
    const hit =
      d20.natural === 20
        ? true
        : d20.natural === 1
          ? false
          : targetAc === undefined
            ? null
            : d20.total >= targetAc;
    const critical =
      d20.natural === 1
        ? 'failure'
        : d20.natural === 20 || (against.autoCrit && hit === true)
          ? 'success'
          : null;
    const data: Record<string, JsonValue> = {
      natural: d20.natural,
      bonus,
      mode: d20.mode,
      hit,
      attack: named?.name ?? null,
      target: targetId ?? null,
      critOnHit: against.autoCrit,
      because: [...own.because, ...against.because],
    };
    const rolls = [d20.roll];
    const formula = named === undefined ? '' : attackDamage(creature, named);
    if (args['damage'] === true && formula !== '' && hit !== false) {
      const doubled = critical === 'success' || against.autoCrit;
      const damage = rollDamage(ctx, formula, doubled);
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
