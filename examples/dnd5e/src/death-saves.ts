/**
 * Death saving throws of a character at 0 hit points: d20, 10 or more is a
 * success, a 1 counts as two failures, a 20 brings the character back with
 * 1 hit point. Three successes make it stable, three failures kill it. The
 * tally lives in the character's `data.deathSaves`. A death save is a saving
 * throw, so exhaustion 3+ gives it disadvantage (the lower d20 counts).
 */
import type { RollDefinition } from '@vtt/sdk';
import { creatureArg } from './args.js';
import { activeConditions, isDead } from './conditions.js';
import { ACTOR_TYPES, withData, type DeathSaves } from './creature.js';
import { resolveMode, rollD20, ROLL_MODES } from './d20.js';
import { ownRollEffects, ROLL_KINDS } from './roll-effects.js';

/** What one death save did. */
export const DEATH_SAVE_RESULTS = {
  success: 'success',
  failure: 'failure',
  stable: 'stable',
  dead: 'dead',
  revived: 'revived',
} as const;
export type DeathSaveResult = (typeof DEATH_SAVE_RESULTS)[keyof typeof DEATH_SAVE_RESULTS];

/**
 * The tally after a death save showing `natural`, and what happened.
 *
 * @example
 * nextDeathSaves({ successes: 0, failures: 2, stable: false, dead: false }, 1).result; // 'dead'
 */
export function nextDeathSaves(
  saves: DeathSaves,
  natural: number,
): { saves: DeathSaves; result: DeathSaveResult } {
  if (natural === 20) {
    return {
      saves: { successes: 0, failures: 0, stable: false, dead: false },
      result: DEATH_SAVE_RESULTS.revived,
    };
  }
  if (natural >= 10) {
    const successes = saves.successes + 1;
    if (successes >= 3) {
      return {
        saves: { successes: 0, failures: 0, stable: true, dead: false },
        result: DEATH_SAVE_RESULTS.stable,
      };
    }
    return { saves: { ...saves, successes }, result: DEATH_SAVE_RESULTS.success };
  }
  const failures = Math.min(3, saves.failures + (natural === 1 ? 2 : 1));
  const dead = failures >= 3;
  return {
    saves: { ...saves, failures, dead },
    result: dead ? DEATH_SAVE_RESULTS.dead : DEATH_SAVE_RESULTS.failure,
  };
}

const RESULT_TEXT: Record<DeathSaveResult, string> = {
  success: 'succeeds on a death save',
  failure: 'fails a death save',
  stable: 'is stable',
  dead: 'dies',
  revived: 'regains 1 hit point',
};

/**
 * `death-save` (no arguments): rolls a death save for a dying character and
 * records the result in its data; refused unless it is at 0 HP, alive and
 * not stable.
 */
export const deathSave: RollDefinition = {
  label: 'Death save',
  args: { type: 'object', additionalProperties: false, properties: {} },
  roll: (ctx) => {
    const { actor, creature } = creatureArg(ctx, ctx.subject);
    if (creature.type !== ACTOR_TYPES.character) {
      ctx.reject('only player characters make death saves');
    }
    if (creature.hp.value > 0) ctx.reject(`${actor.name} is not at 0 hit points`);
    if (isDead(creature)) ctx.reject(`${actor.name} is dead`);
    if (creature.deathSaves.stable) ctx.reject(`${actor.name} is stable`);
    const conditions = activeConditions(ctx.state, actor, creature);
    const effects = ownRollEffects(conditions, creature.exhaustion, {
      kind: ROLL_KINDS.deathSave,
    });
    const d20 = rollD20(ctx, { bonus: 0, mode: resolveMode(ROLL_MODES.normal, effects) });
    const { saves, result } = nextDeathSaves(creature.deathSaves, d20.natural);
    const hp = result === DEATH_SAVE_RESULTS.revived ? { ...creature.hp, value: 1 } : creature.hp;
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: { data: withData(actor, { hp, deathSaves: saves }) },
    });
    ctx.say(`${actor.name} ${RESULT_TEXT[result]}.`);
    return {
      label: `${creature.name}: Death save`,
      total: d20.total,
      target: 10,
      margin: d20.total - 10,
      critical: d20.natural === 20 ? 'success' : d20.natural === 1 ? 'failure' : null,
      rolls: [d20.roll],
      data: {
        natural: d20.natural,
        mode: d20.mode,
        result,
        ...saves,
        because: [...effects.because],
      },
    };
  },
};
