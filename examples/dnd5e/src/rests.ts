/**
 * Short and long rests of a character: spending hit dice to heal, and the
 * long rest's full recovery (hit points, half the hit dice, every spell
 * slot), which needs at least 1 hit point at its start.
 * Exhaustion drops one level on a long rest with food and drink (`fed`,
 * true unless said otherwise).
 */
import type { ActionContext, ActionDefinition } from '@vtt/sdk';
import { actionSubject } from './action-subject.js';
import { isDead } from './conditions.js';
import { ACTOR_TYPES, modifierOf, withData, type Creature } from './creature.js';
import { safeRoll } from './d20.js';
import { hpMaxOf } from './exhaustion.js';
import type { Actor } from './sdk-types.js';
import { restoredSlots } from './spellcasting.js';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'dnd5e:short-rest': { actorId: string; hitDice: number };
    'dnd5e:long-rest': { actorId: string; fed?: boolean };
  }
}

function character(ctx: ActionContext<{ actorId: string }>): { actor: Actor; creature: Creature } {
  const { actor, creature } = actionSubject(ctx);
  if (creature.type !== ACTOR_TYPES.character) {
    return ctx.reject(`${actor.name} is not a player character`);
  }
  if (isDead(creature)) ctx.reject(`${actor.name} is dead`);
  return { actor, creature };
}

/**
 * `dnd5e:short-rest` {actorId, hitDice}: spends hit dice; each heals its
 * roll + the CON modifier (at least 0), up to the hit point maximum.
 */
export const shortRestAction: ActionDefinition<{ actorId: string; hitDice: number }> = {
  description: 'A short rest: spend hit dice to regain hit points.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'hitDice'],
    properties: {
      actorId: { type: 'string', minLength: 1, maxLength: 64 },
      hitDice: { type: 'integer', minimum: 0, maximum: 20 },
    },
  },
  handle(ctx) {
    const { actor, creature } = character(ctx);
    const left = Math.max(0, creature.level - creature.hitDiceSpent);
    const spend = ctx.payload.hitDice;
    if (spend > left) ctx.reject(`${actor.name} has ${left} hit dice left, not ${spend}`);
    if (spend === 0) {
      ctx.say(`${actor.name} takes a short rest.`);
      return;
    }
    const con = modifierOf(creature, 'con');
    const roll = safeRoll(ctx, `${spend}d${creature.hitDie}`);
    const first = roll.terms[0];
    const dice = first?.type === 'dice' ? first.dice.filter((d) => !d.dropped && !d.rerolled) : [];
    const healed = dice.reduce((sum, d) => sum + Math.max(0, d.value + con), 0);
    const value = Math.max(
      creature.hp.value,
      Math.min(hpMaxOf(creature), creature.hp.value + healed),
    );
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: {
        data: withData(actor, {
          hp: { ...creature.hp, value },
          hitDiceSpent: creature.hitDiceSpent + spend,
        }),
      },
    });
    ctx.say(`${actor.name} spends ${spend} hit dice and regains ${value - creature.hp.value} HP.`, {
      roll,
    });
  },
};

/**
 * `dnd5e:long-rest` {actorId, fed?}: refused below 1 hit point. One level
 * of exhaustion less if the character ate and drank (`fed`, default true),
 * then hit points to the maximum of that level, temporary hit points gone,
 * death saves cleared, half the character's hit dice (at least one) back,
 * every spell slot restored.
 */
export const longRestAction: ActionDefinition<{ actorId: string; fed?: boolean }> = {
  description:
    'A long rest (at 1 HP or more): full hit points, half the hit dice back, spell slots restored, one exhaustion level less when fed.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId'],
    properties: {
      actorId: { type: 'string', minLength: 1, maxLength: 64 },
      fed: { type: 'boolean' },
    },
  },
  handle(ctx) {
    const { actor, creature } = character(ctx);
    if (creature.hp.value < 1) {
      ctx.reject(`${actor.name} has 0 hit points: a long rest needs at least 1 at its start`);
    }
    const regained = Math.max(1, Math.floor(creature.level / 2));
    const fed = ctx.payload.fed !== false;
    const exhaustion = fed ? Math.max(0, creature.exhaustion - 1) : creature.exhaustion;
    const max = hpMaxOf({ hp: creature.hp, exhaustion });
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: {
        data: withData(actor, {
          hp: { value: max, max: creature.hp.max, temp: 0 },
          deathSaves: { successes: 0, failures: 0, stable: false, dead: false },
          hitDiceSpent: Math.max(0, creature.hitDiceSpent - regained),
          exhaustion,
          ...(Object.keys(creature.spellSlots).length > 0
            ? { spellSlots: restoredSlots(creature.spellSlots) }
            : {}),
        }),
      },
    });
    const hunger = fed ? '' : ' without food and drink (exhaustion stays)';
    ctx.say(`${actor.name} finishes a long rest${hunger}.`);
  },
};
