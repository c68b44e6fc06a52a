/**
 * Hit points: damage (resistance, immunity and vulnerability, a petrified
 * creature's resistance to all damage and immunity to poison; temporary hit
 * points first; death save failures and instant death at 0; the
 * concentration save), healing (never above the maximum, which exhaustion 4
 * halves) and temporary hit points (they do not stack).
 */
import type { ActionDefinition } from '@vtt/sdk';
import { actionSubject } from './action-subject.js';
import { activeConditions, type Condition } from './conditions.js';
import { concentrationAfterDamage, CONCENTRATION_FIELD } from './concentration.js';
import {
  ACTOR_TYPES,
  withData,
  type Creature,
  type DeathSaves,
  type HitPoints,
} from './creature.js';
import { hpMaxOf } from './exhaustion.js';
import { DAMAGE_TYPES, type DamageType } from './rules.js';
import type { JsonValue } from './sdk-types.js';

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

/**
 * Resistance halves (rounded down, once however many sources), vulnerability
 * doubles, immunity stops damage of a type. A petrified creature resists
 * all damage, untyped included, and is immune to poison.
 *
 * @example
 * adjustForType(creature, 9, 'fire', ['petrified']); // 4
 */
export function adjustForType(
  creature: Creature,
  amount: number,
  type: DamageType | undefined,
  conditions: readonly Condition[] = [],
) {
  const petrified = conditions.includes('petrified');
  const immune = type !== undefined && creature.immunities.includes(type);
  if (immune || (petrified && type === 'poison')) return 0;
  let adjusted = amount;
  if (petrified || (type !== undefined && creature.resistances.includes(type))) {
    adjusted = Math.floor(adjusted / 2);
  }
  if (type !== undefined && creature.vulnerabilities.includes(type)) adjusted *= 2;
  return adjusted;
}

const FRESH_SAVES: DeathSaves = { successes: 0, failures: 0, stable: false, dead: false };

/**
 * The damage a creature takes from a roll split by type (`{ fire: 28 }`,
 * as `damageByType` gives it): each type adjusted for immunity, resistance
 * and vulnerability, halved first (rounded down) when `half`.
 *
 * @example
 * damageTaken(fireResistant, { fire: 28 }, [], true); // 7
 */
export function damageTaken(
  creature: Creature,
  byType: Readonly<Record<string, number>>,
  conditions: readonly Condition[] = [],
  half = false,
): number {
  let taken = 0;
  for (const [name, amount] of Object.entries(byType)) {
    const type = DAMAGE_TYPES.find((t) => t === name);
    taken += adjustForType(creature, half ? Math.floor(amount / 2) : amount, type, conditions);
  }
  return taken;
}

/**
 * Applies `amount` damage of `type`: temporary hit points absorb it first,
 * then hit points (never below 0). A character dropping to 0 starts fresh
 * death saves, and dies outright when the damage left over reaches its
 * maximum (halved from exhaustion 4); damage while at 0 is a failed death
 * save (two on a critical).
 *
 * @example
 * applyDamage(creature, 8, 'slashing', false).hp; // { value: 17, max: 20, temp: 0 } from 20/20 with 5 temp
 */
export function applyDamage(
  creature: Creature,
  amount: number,
  type: DamageType | undefined,
  critical: boolean,
  conditions: readonly Condition[] = [],
): DamageResult {
  return applyTaken(creature, adjustForType(creature, amount, type, conditions), critical);
}

/**
 * Applies damage already adjusted for type (`taken`): what `applyDamage`
 * does after immunity, resistance and vulnerability.
 *
 * @example
 * applyTaken(creature, 14, false).hp.value;
 */
export function applyTaken(creature: Creature, taken: number, critical: boolean): DamageResult {
  const max = hpMaxOf(creature);
  const { hp } = creature;
  const absorbed = Math.min(hp.temp, taken);
  const rest = taken - absorbed;
  const value = Math.max(0, hp.value - rest);
  let deathSaves = creature.deathSaves;
  if (creature.type === ACTOR_TYPES.character && rest > 0) {
    if (hp.value === 0) {
      const failures = Math.min(3, deathSaves.failures + (critical ? 2 : 1));
      const dead = failures >= 3 || rest >= max;
      deathSaves = { ...deathSaves, failures, stable: false, dead };
    } else if (value === 0) {
      deathSaves = { ...FRESH_SAVES, dead: rest - hp.value >= max };
    }
  }
  return { taken, absorbed, hp: { ...hp, value, temp: hp.temp - absorbed }, deathSaves };
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
    const { actor, creature } = actionSubject(ctx);
    const { type, critical } = ctx.payload;
    const conditions = activeConditions(ctx.state, actor, creature);
    const result = applyDamage(creature, ctx.payload.amount, type, critical === true, conditions);
    const concentration = concentrationAfterDamage(ctx, actor, creature, result);
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: {
        data: withData(
          actor,
          { hp: result.hp, ...deathSavesPatch(creature, result.deathSaves) },
          concentration.ends ? [CONCENTRATION_FIELD] : [],
        ),
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
    concentration.post();
  },
};

/** The `data` fields of new death saves: a character's; a creature has none. */
export function deathSavesPatch(creature: Creature, saves: DeathSaves): Record<string, JsonValue> {
  return creature.type === ACTOR_TYPES.character ? { deathSaves: saves } : {};
}

/**
 * `dnd5e:heal` {actorId, amount}: regains hit points up to the maximum
 * (halved from exhaustion 4); at 0 it ends dying. Refused for the dead.
 */
export const healAction: ActionDefinition<{ actorId: string; amount: number }> = {
  description: 'Heals a character or creature, up to its hit point maximum.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'amount'],
    properties: { actorId: { type: 'string', minLength: 1, maxLength: 64 }, amount: amountSchema },
  },
  handle(ctx) {
    const { actor, creature } = actionSubject(ctx);
    if (creature.deathSaves.dead || creature.exhaustion >= 6) {
      ctx.reject(`${actor.name} is dead: healing cannot help`);
    }
    const max = hpMaxOf(creature);
    const value = Math.max(
      creature.hp.value,
      Math.min(max, creature.hp.value + ctx.payload.amount),
    );
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
    const total = creature.type === ACTOR_TYPES.npc ? '' : ` (${value}/${max})`;
    ctx.say(`${actor.name} regains ${Math.max(0, value - creature.hp.value)} HP${total}.`);
  },
};

/** `dnd5e:grant-temp-hp` {actorId, amount}: temporary hit points do not stack; the higher stays. */
export const grantTempHpAction: ActionDefinition<{ actorId: string; amount: number }> = {
  description: 'Gives temporary hit points (the higher of the old and new amount stays).',
  schema: healAction.schema,
  handle(ctx) {
    const { actor, creature } = actionSubject(ctx);
    const temp = Math.max(creature.hp.temp, ctx.payload.amount);
    ctx.act('core:update-actor', {
      actorId: actor.id,
      patch: { data: withData(actor, { hp: { ...creature.hp, temp } }) },
    });
    ctx.say(`${actor.name} has ${temp} temporary HP.`);
  },
};
