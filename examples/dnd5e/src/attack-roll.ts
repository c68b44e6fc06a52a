/**
 * The attack roll every attack makes, weapon or spell: d20 + attack bonus
 * against a target's AC. A natural 20 is a critical hit (it hits, and
 * doubles the damage dice); a natural 1 always misses, whatever the bonus.
 * The attacker's conditions and the target's (`target-effects.ts`) give
 * advantage, disadvantage or a critical hit.
 */
import type { ModuleContext } from '@vtt/sdk';
import { intArg, modeArg, type RawArgs } from './args.js';
import { assertCanAct } from './can-act.js';
import { activeConditions } from './conditions.js';
import type { Creature } from './creature.js';
import { resolveMode, rollD20 } from './d20.js';
import { rollDamage } from './damage.js';
import { ownRollEffects, ROLL_KINDS } from './roll-effects.js';
import type { Actor, JsonValue, RollResult } from './sdk-types.js';
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

/** The arguments every attack takes (the roll's `args` schema properties). */
export const ATTACK_ARGS = {
  bonus: { type: 'integer', minimum: -100, maximum: 100 },
  mode: { enum: ['normal', 'advantage', 'disadvantage'] },
  targetAc: { type: 'integer', minimum: 0, maximum: 100 },
  damage: { type: 'boolean' },
  target: { type: 'string', minLength: 1, maxLength: 64 },
  within5ft: { type: 'boolean' },
  fearInSight: { type: 'boolean' },
  targetIsCharmer: { type: 'boolean' },
} as const;

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

/** The outcome of an attack roll. */
export interface AttackOutcome {
  readonly label: string;
  readonly total: number;
  readonly target?: number;
  readonly margin?: number;
  readonly critical: 'success' | 'failure' | null;
  readonly rolls: RollResult[];
  readonly data: Record<string, JsonValue>;
}

/**
 * Rolls an attack of `actor` with attack bonus `toHit` (plus `args.bonus`)
 * and, with `args.damage` and a hit, its `damage` formula (dice doubled on
 * a critical). `args` are the ones in `ATTACK_ARGS`: target AC, the target
 * token whose conditions count, mode and what the conditions need to know.
 * A dead or incapacitated attacker is refused, and so is a charmed one
 * attacking its charmer.
 *
 * @example
 * attackRoll(ctx, { actor, creature, args, name: 'Fire Bolt', toHit: 5, damage: '1d10[fire]', data: {} });
 */
export function attackRoll(
  ctx: ModuleContext,
  request: {
    readonly actor: Actor;
    readonly creature: Creature;
    readonly args: RawArgs;
    /** What attacks, for the label; null for a bare bonus. */
    readonly name: string | null;
    readonly toHit: number;
    readonly damage: string;
    /** More data for the chat card. */
    readonly data: Readonly<Record<string, JsonValue>>;
  },
): AttackOutcome {
  const { actor, creature, args } = request;
  const extra = intArg(ctx, args, 'bonus', -100, 100) ?? 0;
  const bonus = request.toHit + extra;
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
    attack: request.name,
    target: targetId ?? null,
    critOnHit: against.autoCrit,
    because: [...own.because, ...against.because],
    ...request.data,
  };
  const rolls = [d20.roll];
  if (args['damage'] === true && request.damage !== '' && hit !== false) {
    const doubled = critical === 'success' || against.autoCrit;
    const damage = rollDamage(ctx, request.damage, doubled);
    rolls.push(damage.roll);
    data['damage'] = { total: damage.total, formula: damage.formula, byType: damage.byType };
  }
  return {
    label: `${creature.name}: ${request.name ?? 'Attack'}`,
    total: d20.total,
    ...(targetAc === undefined ? {} : { target: targetAc, margin: d20.total - targetAc }),
    critical,
    rolls,
    data,
  };
}
