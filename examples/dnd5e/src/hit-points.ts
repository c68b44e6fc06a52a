/**
 * Hit points: damage (resistance, immunity and vulnerability; temporary hit
 * points first; death save failures and instant death at 0), healing (never
 * above the maximum) and temporary hit points (they do not stack).
 */
import type { ActionContext, ActionDefinition } from '@vtt/sdk';
import {
  ACTOR_TYPES,
  readCreature,
  withData,
  type Creature,
  type DeathSaves,
  type HitPoints,
} from './creature.js';
import { DAMAGE_TYPES, type DamageType } from './rules.js';
import type { Actor, JsonValue } from './sdk-types.js';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'dnd5e:apply-damage': {
      actorId: string;
      amount: number;
      type?: DamageType;
      critical?: boolean;
    };
    'dnd5e:heal': { actorId: string; amount: number };
    'dnd5e:grant-temp-hp': { actorId: string; amount: number };
  }
}

/** What a hit does to a creature. */
export interface DamageResult {
  /** Damage after immunity, resistance and vulnerability. */
  readonly taken: number;
  /** How much of it temporary hit points absorbed. */
  readonly absorbed: number;
  readonly hp: HitPoints;
  readonly deathSaves: DeathSaves;
}

/** Resistance halves (rounded down), vulnerability doubles, immunity stops damage of a type. */
export function adjustForType(creature: Creature, amount: number, type: DamageType | undefined) {
  if (type === undefined) return amount;
  if (creature.immunities.includes(type)) return 0;
  let adjusted = amount;
  if (creature.resistances.includes(type)) adjusted = Math.floor(adjusted / 2);
  if (creature.vulnerabilities.includes(type)) adjusted *= 2;
  return adjusted;
}

const FRESH_SAVES: DeathSaves = { successes: 0, failures: 0, stable: false, dead: false };

/**
 * Applies `amount` damage of `type`: temporary hit points absorb it first,
 * then hit points (never below 0). A character dropping to 0 starts fresh
 * death saves, and dies outright when the damage left over reaches its
 * maximum; damage while at 0 is a failed death save (two on a critical).
 *
 * @example
 * applyDamage(creature, 8, 'slashing', false).hp; // { value: 17, max: 20, temp: 0 } from 20/20 with 5 temp
 */
export function applyDamage(
  creature: Creature,
  amount: number,
  type: DamageType | undefined,
  critical: boolean,
): DamageResult {
  const taken = adjustForType(creature, amount, type);
  const { hp } = creature;
  const absorbed = Math.min(hp.temp, taken);
  const rest = taken - absorbed;
  const value = Math.max(0, hp.value - rest);
  let deathSaves = creature.deathSaves;
  if (creature.type === ACTOR_TYPES.character && rest > 0) {
    if (hp.value === 0) {
      const failures = Math.min(3, deathSaves.failures + (critical ? 2 : 1));
      const dead = failures >= 3 || rest >= hp.max;
      deathSaves = { ...deathSaves, failures, stable: false, dead };
    } else if (value === 0) {
      deathSaves = { ...FRESH_SAVES, dead: rest - hp.value >= hp.max };
    }
  }
  return { taken, absorbed, hp: { ...hp, value, temp: hp.temp - absorbed }, deathSaves };
}

function target(ctx: ActionContext<{ actorId: string }>): { actor: Actor; creature: Creature } {
  const actor = ctx.actor(ctx.payload.actorId) ?? ctx.reject(`no actor ${ctx.payload.actorId}`);
  const creature = readCreature(actor);
  if (creature === undefined) {
    return ctx.reject(`${actor.name} is a ${actor.type}, not a D&D character or creature`);
  }
  return { actor, creature };
}

const amountSchema = { type: 'integer', minimum: 0, maximum: 100000 };

/** `dnd5e:apply-damage` {actorId, amount, type?, critical?}. */
export const applyDamageAction: ActionDefinition<{
  actorId: string;
  amount: number;
  type?: DamageType;
  critical?: boolean;
}> = {
  description: 'Deals damage of a type to a character or creature.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'amount'],
    properties: {
      actorId: { type: 'string', minLength: 1, maxLength: 64 },
      amount: amountSchema,
      type: { enum: [...DAMAGE_TYPES] },
      critical: { type: 'boolean' },
    },
  },
  handle(ctx) {
    const { actor, creature } = target(ctx);
    const { type, critical } = ctx.payload;
    const result = applyDamage(creature, ctx.payload.amount, type, critical === true);
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: {
        data: withData(actor, { hp: result.hp, ...deathSavesPatch(creature, result.deathSaves) }),
      },
    });
    const fell = creature.hp.value > 0 && result.hp.value === 0;
    if (fell && creature.type === ACTOR_TYPES.npc && ctx.user.role === 'gm') {
      for (const c of Object.values(ctx.state.combat?.combatants ?? {})) {
        if (c.actorId === actor.id) {
          ctx.act('core:update-combatant', { combatantId: c.id, patch: { defeated: true } });
        }
      }
    }
    const kind = type === undefined ? '' : ` ${type}`;
    const temp = result.absorbed > 0 ? ` (${result.absorbed} absorbed by temporary HP)` : '';
    const end =
      result.deathSaves.dead && !creature.deathSaves.dead
        ? ' and dies'
        : fell
          ? ' and drops to 0 HP'
          : '';
    ctx.say(`${actor.name} takes ${result.taken}${kind} damage${temp}${end}.`, {
      data: { actorId: actor.id, taken: result.taken, absorbed: result.absorbed, hp: result.hp },
    });
  },
};

function deathSavesPatch(creature: Creature, saves: DeathSaves): Record<string, JsonValue> {
  return creature.type === ACTOR_TYPES.character ? { deathSaves: saves } : {};
}

/** `dnd5e:heal` {actorId, amount}: regains hit points up to the maximum; at 0 it ends dying. */
export const healAction: ActionDefinition<{ actorId: string; amount: number }> = {
  description: 'Heals a character or creature, up to its hit point maximum.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'amount'],
    properties: { actorId: { type: 'string', minLength: 1, maxLength: 64 }, amount: amountSchema },
  },
  handle(ctx) {
    const { actor, creature } = target(ctx);
    if (creature.deathSaves.dead) ctx.reject(`${actor.name} is dead: healing cannot help`);
    const value = Math.min(creature.hp.max, creature.hp.value + ctx.payload.amount);
    const revived = creature.hp.value === 0 && value > 0;
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: {
        data: withData(actor, {
          hp: { ...creature.hp, value },
          ...(revived ? deathSavesPatch(creature, FRESH_SAVES) : {}),
        }),
      },
    });
    // A creature's hit points are GM-only (vtt-module.json): its card does not show them.
    const total = creature.type === ACTOR_TYPES.npc ? '' : ` (${value}/${creature.hp.max})`;
    ctx.say(`${actor.name} regains ${value - creature.hp.value} HP${total}.`);
  },
};

/** `dnd5e:grant-temp-hp` {actorId, amount}: temporary hit points do not stack; the higher stays. */
export const grantTempHpAction: ActionDefinition<{ actorId: string; amount: number }> = {
  description: 'Gives temporary hit points (the higher of the old and new amount stays).',
  schema: healAction.schema,
  handle(ctx) {
    const { actor, creature } = target(ctx);
    const temp = Math.max(creature.hp.temp, ctx.payload.amount);
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: { data: withData(actor, { hp: { ...creature.hp, temp } }) },
    });
    ctx.say(`${actor.name} has ${temp} temporary HP.`);
  },
};
