/**
 * Conditions: combat effects on a combatant that last a number of combat
 * turns (rounds; they tick once per round, not per initiative pass) and
 * take dice from every test the combatant's actor makes.
 */
import { combatantName, type ActionDefinition, type ModuleContext } from '@vtt/sdk';

/** Each condition: its label, the dice it takes from every test, and what it means. */
export const CONDITIONS = {
  dazed: { label: 'Dazed', pool: -2, text: 'Ears ringing, vision swimming.' },
  prone: { label: 'Prone', pool: -1, text: 'Flat on the pavement; every move is awkward.' },
  blinded: { label: 'Blinded', pool: -6, text: 'Flash-blind or in total darkness.' },
  suppressed: { label: 'Suppressed', pool: -2, text: 'Pinned down by a wall of incoming fire.' },
} as const;
export type Condition = keyof typeof CONDITIONS;

/** The effect id a condition gets on a combatant. */
export const conditionEffectId = (condition: Condition): string => `shadowrun.${condition}`;

/** Payload of `shadowrun:apply-condition`. */
export interface ApplyConditionPayload {
  readonly combatantId: string;
  readonly condition: Condition;
  readonly rounds: number;
}

/**
 * The conditions on an actor's combatants in the running combat, and the
 * dice they take from its tests (0 outside combat).
 *
 * @example
 * conditionsOf(ctx.state, actor.id); // { conditions: ['dazed'], pool: -2 }
 */
export function conditionsOf(
  state: ModuleContext['state'],
  actorId: string,
): { conditions: Condition[]; pool: number } {
  const conditions: Condition[] = [];
  for (const combatant of Object.values(state.combat?.combatants ?? {})) {
    if (combatant.actorId !== actorId) continue;
    for (const effect of combatant.effects) {
      const name = effect.id.startsWith('shadowrun.') ? effect.id.slice('shadowrun.'.length) : '';
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
    const id = conditionEffectId(condition);
    if (combatant.effects.some((e) => e.id === id)) {
      ctx.act('core:remove-effect', { combatantId, effectId: id });
    }
    const { label, pool } = CONDITIONS[condition];
    ctx.act('core:add-effect', { combatantId, id, label, rounds, tick: 'round-end' });
    ctx.say(
      `${combatantName(ctx.state, combatant)} is ${label.toLowerCase()} for ${rounds} ${rounds === 1 ? 'round' : 'rounds'} (${pool} dice).`,
    );
  },
};
