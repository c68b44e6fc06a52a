/**
 * Concentration: a creature concentrates on one spell at a time
 * (`data.concentration`, the spell's name). Starting a second ends the
 * first. Damage calls for a Constitution saving throw, DC 10 or half the
 * damage taken if higher, posted to chat; failing it ends concentration.
 * Being incapacitated (unconscious included) or killed ends it without a
 * save.
 */
import type { ActionDefinition, ProposingContext } from '@vtt/sdk';
import { actionSubject } from './action-subject.js';
import { assertCanAct } from './can-act.js';
import { rollTest } from './checks.js';
import { activeConditions } from './conditions.js';
import { withData, type Creature } from './creature.js';
import { ROLL_MODES } from './d20.js';
import type { DamageResult } from './hit-points.js';
import type { Actor, JsonValue } from './sdk-types.js';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'dnd5e:start-concentration': { actorId: string; spell: string };
    'dnd5e:end-concentration': { actorId: string };
  }
}

/** The field of an actor's `data` that holds what it concentrates on. */
export const CONCENTRATION_FIELD = 'concentration';

/**
 * The DC of the concentration save after taking `damage`: 10, or half the
 * damage (rounded down) if that is higher.
 *
 * @example
 * concentrationDc(7); // 10
 * concentrationDc(31); // 15
 */
export function concentrationDc(damage: number): number {
  return Math.max(10, Math.floor(damage / 2));
}

/** What damage did to concentration; `post()` puts it in chat (after the damage message). */
export interface ConcentrationAfterDamage {
  readonly ends: boolean;
  post(): void;
}

const UNCHANGED: ConcentrationAfterDamage = { ends: false, post: () => undefined };

/**
 * Whether `result` ends the creature's concentration: none without
 * concentration or damage taken; ended without a save at 0 hit points or
 * death; otherwise a Constitution save (the creature's conditions apply),
 * rolled now and posted by `post()` as a saving throw card.
 *
 * @example
 * const concentration = concentrationAfterDamage(ctx, actor, creature, result);
 * if (concentration.ends) remove.push(CONCENTRATION_FIELD);
 */
export function concentrationAfterDamage(
  ctx: ProposingContext,
  actor: Actor,
  creature: Creature,
  result: DamageResult,
): ConcentrationAfterDamage {
  const spell = creature.concentration;
  if (spell === null || result.taken <= 0) return UNCHANGED;
  if (result.hp.value <= 0 || result.deathSaves.dead) {
    return {
      ends: true,
      post: () => ctx.say(`${actor.name} loses concentration on ${spell}.`),
    };
  }
  const dc = concentrationDc(result.taken);
  const outcome = rollTest(ctx, {
    actor,
    creature,
    test: { kind: 'save', ability: 'con' },
    dc,
    mode: ROLL_MODES.normal,
  });
  const kept = outcome.data.success === true;
  const roll = outcome.rolls[0];
  // RollResult is JSON, but declared as an interface TypeScript will not match to JsonValue.
  const card = {
    outcome: { ...outcome, name: 'saving-throw' },
    concentration: { spell, dc, kept },
  } as unknown as JsonValue;
  const verdict = kept ? `keeps concentrating on ${spell}` : `loses concentration on ${spell}`;
  return {
    ends: !kept,
    post: () =>
      ctx.say(`${outcome.label} for concentration: ${outcome.total} vs DC ${dc}: ${verdict}.`, {
        ...(roll === undefined ? {} : { roll }),
        data: card,
      }),
  };
}

/**
 * Ends the actor's concentration because of `why` (e.g. `'is stunned'`),
 * with its own `core:update-actor`; nothing without concentration. For
 * handlers that do not update the actor otherwise.
 *
 * @example
 * endConcentration(ctx, actor, creature, 'is stunned');
 */
export function endConcentration(
  ctx: ProposingContext,
  actor: Actor,
  creature: Creature,
  why: string,
): void {
  if (creature.concentration === null) return;
  ctx.act('core:update-actor', {
    actorId: actor.id,
    patch: { data: withData(actor, {}, [CONCENTRATION_FIELD]) },
  });
  ctx.say(`${actor.name} ${why} and loses concentration on ${creature.concentration}.`);
}

const actorIdSchema = { type: 'string', minLength: 1, maxLength: 64 };

/**
 * `dnd5e:start-concentration` {actorId, spell}: the creature casts a
 * concentration spell; one it was concentrating on ends. Refused while dead
 * or incapacitated.
 */
export const startConcentrationAction: ActionDefinition<{ actorId: string; spell: string }> = {
  description: 'Starts concentrating on a spell (ending any other concentration).',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'spell'],
    properties: {
      actorId: actorIdSchema,
      spell: { type: 'string', minLength: 1, maxLength: 100 },
    },
  },
  handle(ctx) {
    const { actor, creature } = actionSubject(ctx);
    const conditions = activeConditions(ctx.state, actor, creature);
    assertCanAct(ctx, creature, conditions, 'start concentrating');
    const { spell } = ctx.payload;
    const previous = creature.concentration;
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: { data: withData(actor, { [CONCENTRATION_FIELD]: spell }) },
    });
    if (previous !== null && previous !== spell) {
      ctx.say(`${actor.name} stops concentrating on ${previous}.`);
    }
    ctx.say(`${actor.name} concentrates on ${spell}.`);
  },
};

/** `dnd5e:end-concentration` {actorId}: the creature stops concentrating (at will). */
export const endConcentrationAction: ActionDefinition<{ actorId: string }> = {
  description: 'Ends the concentration of a character or creature.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId'],
    properties: { actorId: actorIdSchema },
  },
  handle(ctx) {
    const { actor, creature } = actionSubject(ctx);
    if (creature.concentration === null) ctx.reject(`${actor.name} is not concentrating`);
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: { data: withData(actor, {}, [CONCENTRATION_FIELD]) },
    });
    ctx.say(`${actor.name} stops concentrating on ${creature.concentration}.`);
  },
};
