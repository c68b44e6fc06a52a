/**
 * Conditions: effects on a combatant's token (or actor) that last a number
 * of combat turns (rounds; they tick once per round, not per initiative
 * pass, and keep what is left between combats) and take dice from every
 * test the actor makes.
 */
import {
  combatantName,
  effectsOf,
  type ActionDefinition,
  type ActiveEffect,
  type ModuleContext,
} from '@vtt/sdk';

/** Each condition: its label, the dice it takes from every test, and what it means. */
export const CONDITIONS = {
  dazed: { label: 'Dazed', pool: -2, text: 'Ears ringing, vision swimming.' },
  prone: { label: 'Prone', pool: -1, text: 'Flat on the pavement; every move is awkward.' },
  blinded: { label: 'Blinded', pool: -6, text: 'Flash-blind or in total darkness.' },
  suppressed: { label: 'Suppressed', pool: -2, text: 'Pinned down by a wall of incoming fire.' },
} as const;
export type Condition = keyof typeof CONDITIONS;

/** The status a condition's effect carries (and shows on the token). */
export const conditionStatus = (condition: Condition): string => `shadowrun.${condition}`;

/** The effects on actor `actorId` and on its tokens. */
function actorEffects(state: ModuleContext['state'], actorId: string): ActiveEffect[] {
  return effectsOf(state).filter(
    (e) =>
      (e.target.collection === 'actors' && e.target.id === actorId) ||
      (e.target.collection === 'tokens' && state.tokens.get(e.target.id)?.actorId === actorId),
  );
}

/** Payload of `shadowrun:apply-condition`. */
export interface ApplyConditionPayload {
  readonly combatantId: string;
  readonly condition: Condition;
  readonly rounds: number;
}

/**
 * The conditions on an actor and its tokens, and the dice they take from
 * its tests.
 *
 * @example
 * conditionsOf(ctx.state, actor.id); // { conditions: ['dazed'], pool: -2 }
 */
export function conditionsOf(
  state: ModuleContext['state'],
  actorId: string,
): { conditions: Condition[]; pool: number } {
  const conditions: Condition[] = [];
  for (const effect of actorEffects(state, actorId)) {
    for (const status of effect.statuses) {
      const name = status.startsWith('shadowrun.') ? status.slice('shadowrun.'.length) : '';
      if (name in CONDITIONS && !conditions.includes(name as Condition)) {
        conditions.push(name as Condition);
      }
    }
  }
  const pool = conditions.reduce((sum, c) => sum + CONDITIONS[c].pool, 0);
  return { conditions, pool };
}

/**
 * `shadowrun:apply-condition`: puts a condition on a combatant for a number
 * of combat turns; applying it again restarts its duration. Decided as the
 * acting user: the GM for anyone, a player for their own combatants.
 */
export const applyCondition: ActionDefinition<ApplyConditionPayload> = {
  description: 'Puts a condition (dazed, prone, blinded, suppressed) on a combatant for N rounds.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['combatantId', 'condition', 'rounds'],
    properties: {
      combatantId: { type: 'string', minLength: 1, maxLength: 128 },
      condition: { type: 'string', enum: Object.keys(CONDITIONS) },
      rounds: { type: 'integer', minimum: 1, maximum: 100 },
    },
  },
  handle(ctx) {
    const { combatantId, condition, rounds } = ctx.payload;
    const combatant =
      ctx.state.combat?.combatants[combatantId] ??
      ctx.reject(`There is no combatant ${combatantId} in the running combat.`);
    const target =
      combatant.tokenId !== null
        ? { collection: 'tokens' as const, id: combatant.tokenId }
        : combatant.actorId !== null
          ? { collection: 'actors' as const, id: combatant.actorId }
          : ctx.reject(`Combatant ${combatantId} has neither a token nor an actor.`);
    const status = conditionStatus(condition);
    for (const e of ctx.effects(target.id)) {
      if (e.target.collection === target.collection && e.statuses.includes(status)) {
        ctx.act('core:remove-effect', { effectId: e.id });
      }
    }
    const { label, pool } = CONDITIONS[condition];
    ctx.act('core:add-effect', {
      target,
      label,
      statuses: [status],
      origin: 'shadowrun',
      duration: { unit: 'rounds', rounds, tick: 'round-end' },
    });
    ctx.say(
      `${combatantName(ctx.state, combatant)} is ${label.toLowerCase()} for ${rounds} ${rounds === 1 ? 'round' : 'rounds'} (${pool} dice).`,
    );
  },
};
