/**
 * Applying and removing conditions. In a combat, a condition with a
 * duration becomes a core effect on the actor, which core ticks down on
 * its combatant's turns and ends by itself (what is left outlives the
 * combat); otherwise it is a status on the actor's tokens until removed. An incapacitating condition ends
 * concentration; a petrified creature cannot be poisoned. Exhaustion is a
 * level (0-6) in the actor's data (`exhaustion-action.ts`).
 */
import { EFFECT_TICKS, type ActionContext, type ActionDefinition } from '@vtt/sdk';
import { actionSubject } from './action-subject.js';
import { endConcentration } from './concentration.js';
import {
  activeConditions,
  CONDITIONS,
  conditionLabel,
  actorEffects,
  conditionStatus,
  INCAPACITATING,
  type Condition,
} from './conditions.js';
import { changeExhaustion } from './exhaustion-action.js';
import type { Actor } from './sdk-types.js';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'dnd5e:apply-condition': {
      actorId: string;
      condition: Condition;
      rounds?: number;
      ends?: EffectTick;
    };
    'dnd5e:remove-condition': { actorId: string; condition: Condition };
  }
}

/** When a condition's remaining rounds tick down (core's effect ticks). */
export { EFFECT_TICKS };
export type EffectTick = (typeof EFFECT_TICKS)[keyof typeof EFFECT_TICKS];

/** The effects carrying `condition` on the actor and its tokens. */
function conditionEffects(ctx: ActionContext<unknown>, actorId: string, condition: Condition) {
  const status = conditionStatus(condition);
  return actorEffects(ctx.state, actorId).filter((e) => e.statuses.includes(status));
}

function combatantsOf(ctx: ActionContext<unknown>, actorId: string) {
  return Object.values(ctx.state.combat?.combatants ?? {}).filter((c) => c.actorId === actorId);
}

function tokensOf(ctx: ActionContext<unknown>, actorId: string) {
  return [...ctx.state.tokens.values()].filter((t) => t.actorId === actorId);
}

const conditionSchema = { enum: [...CONDITIONS] };

/** `dnd5e:apply-condition` {actorId, condition, rounds?, ends?}. */
export const applyConditionAction: ActionDefinition<{
  actorId: string;
  condition: Condition;
  rounds?: number;
  ends?: EffectTick;
}> = {
  description:
    'Gives a character or creature a condition; with rounds in a combat it ends by itself.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'condition'],
    properties: {
      actorId: { type: 'string', minLength: 1, maxLength: 64 },
      condition: conditionSchema,
      rounds: { type: 'integer', minimum: 1, maximum: 10000 },
      ends: { enum: Object.values(EFFECT_TICKS) },
    },
  },
  handle(ctx) {
    const { actor, creature } = actionSubject(ctx);
    const { condition, rounds } = ctx.payload;
    if (creature.conditionImmunities.includes(condition)) {
      ctx.reject(`${actor.name} is immune to being ${condition}`);
    }
    if (condition === 'exhaustion') return changeExhaustion(ctx, actor, creature, 1);
    const before = activeConditions(ctx.state, actor, creature);
    if (condition === 'poisoned' && before.includes('petrified')) {
      ctx.reject(`${actor.name} is petrified and immune to poison`);
    }
    const label = conditionLabel(condition);
    const combatants = rounds === undefined ? [] : combatantsOf(ctx, actor.id);
    if (combatants.length > 0 && rounds !== undefined) {
      for (const e of conditionEffects(ctx, actor.id, condition)) {
        ctx.act('core:remove-effect', { effectId: e.id });
      }
      ctx.act('core:add-effect', {
        target: { collection: 'actors', id: actor.id },
        label,
        statuses: [conditionStatus(condition)],
        origin: 'dnd5e',
        duration: { unit: 'rounds', rounds, tick: ctx.payload.ends ?? EFFECT_TICKS.turnEnd },
      });
      ctx.say(`${actor.name} is ${condition} for ${rounds} round${rounds === 1 ? '' : 's'}.`);
    } else {
      giveStatus(ctx, actor, condition);
    }
    if (INCAPACITATING.includes(condition)) {
      endConcentration(ctx, actor, creature, `is ${condition}`);
    }
  },
};

/** Puts `condition` on the actor's tokens as a status (refused without a token). */
function giveStatus(ctx: ActionContext<unknown>, actor: Actor, condition: Condition) {
  const tokens = tokensOf(ctx, actor.id);
  if (tokens.length === 0) {
    ctx.reject(`${actor.name} has no token (or, with rounds, no combatant) to carry ${condition}`);
  }
  for (const token of tokens) {
    if (token.statuses.includes(condition)) continue;
    ctx.act('core:update-token', {
      tokenId: token.id,
      patch: { statuses: [...token.statuses, condition] },
    });
  }
  ctx.say(`${actor.name} is ${condition}.`);
}

/** `dnd5e:remove-condition` {actorId, condition}: ends it everywhere (exhaustion: one level). */
export const removeConditionAction: ActionDefinition<{ actorId: string; condition: Condition }> = {
  description: 'Ends a condition of a character or creature (exhaustion drops one level).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'condition'],
    properties: {
      actorId: { type: 'string', minLength: 1, maxLength: 64 },
      condition: conditionSchema,
    },
  },
  handle(ctx) {
    const { actor, creature } = actionSubject(ctx);
    const { condition } = ctx.payload;
    if (condition === 'exhaustion') return changeExhaustion(ctx, actor, creature, -1);
    let removed = false;
    for (const e of conditionEffects(ctx, actor.id, condition)) {
      ctx.act('core:remove-effect', { effectId: e.id });
      removed = true;
    }
    for (const token of tokensOf(ctx, actor.id)) {
      if (!token.statuses.includes(condition)) continue;
      ctx.act('core:update-token', {
        tokenId: token.id,
        patch: { statuses: token.statuses.filter((s) => s !== condition) },
      });
      removed = true;
    }
    if (!removed) ctx.reject(`${actor.name} is not ${condition}`);
    ctx.say(`${actor.name} is no longer ${condition}.`);
  },
};
