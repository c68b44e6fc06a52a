/**
 * Building a character's dice pool for a test: attribute + skill (or two
 * attributes), specialization, situational modifier, wounds, conditions and
 * Edge, and the limit that caps its hits.
 */
import type { JsonSchema, ModuleContext, ProposingContext } from '@vtt/sdk';
import {
  ATTRIBUTES,
  ATTRIBUTE_LIMIT,
  LIMITS,
  SKILLS,
  dataWith,
  type Actor,
  type Attribute,
  type LimitName,
  type Skill,
} from './actor-data.js';
import { conditionsOf, type Condition } from './conditions.js';
import { limitsOf, woundModifier } from './derived.js';
import type { PoolRequest } from './dice-pool.js';
import { statsOf, type Stats } from './stats.js';

/** Dice a specialization adds when it applies. */
export const SPECIALIZATION_BONUS = 2;

/** What a test rolls, as a roll's arguments give it. */
export interface PoolSpec {
  /** The attribute; defaults to the skill's linked attribute. */
  readonly attribute?: Attribute;
  readonly skill?: Skill;
  /** A second attribute instead of a skill (Logic + Intuition, ...). */
  readonly attribute2?: Attribute;
  /** A named limit, `none`, or a number (a weapon's Accuracy, a spell's Force). */
  readonly limit?: LimitName | 'none' | number;
  /** Situational dice, + or -. */
  readonly modifier?: number;
  /** Push the Limit: spend a point of Edge. */
  readonly edge?: boolean;
  /** Apply the skill's specialization (+2 dice). */
  readonly specialization?: boolean;
}

/** A pool ready to roll, with how it was put together. */
export interface BuiltPool extends PoolRequest {
  readonly label: string;
  readonly parts: {
    readonly attribute: number;
    readonly skill: number;
    readonly specialization: number;
    readonly modifier: number;
    readonly wounds: number;
    readonly conditions: number;
    readonly edge: number;
  };
  readonly conditions: readonly Condition[];
}

/** JSON Schema of {@link PoolSpec}, shared by the rolls that take one. */
export const POOL_SPEC_PROPERTIES: Readonly<Record<keyof PoolSpec, JsonSchema>> = {
  attribute: { type: 'string', enum: Object.keys(ATTRIBUTES) },
  skill: { type: 'string', enum: Object.keys(SKILLS) },
  attribute2: { type: 'string', enum: Object.keys(ATTRIBUTES) },
  limit: {
    anyOf: [
      { type: 'string', enum: [...Object.keys(LIMITS), 'none'] },
      { type: 'integer', minimum: 0, maximum: 50 },
    ],
  },
  modifier: { type: 'integer', minimum: -50, maximum: 50 },
  edge: { type: 'boolean' },
  specialization: { type: 'boolean' },
};

function resolveLimit(stats: Stats, spec: PoolSpec, fallback: LimitName | null): number | null {
  const limits = limitsOf(stats);
  if (typeof spec.limit === 'number') return spec.limit;
  if (spec.limit === 'none') return null;
  const name = spec.limit ?? fallback;
  return name === null ? null : limits[name];
}

/**
 * Puts together an actor's pool for a test, from its augmented attributes
 * ({@link statsOf}). Untrained skills default to the
 * attribute alone minus 1. Wound modifiers and conditions never take the
 * pool below 0; Edge dice come on top. Refuses specs that name neither an
 * attribute nor a skill, or both a skill and a second attribute.
 *
 * @example
 * buildPool(ctx, actor, { skill: 'pistols', limit: 5 }).dice; // Agility + Pistols - wounds
 */
export function buildPool(ctx: ModuleContext, actor: Actor, spec: PoolSpec): BuiltPool {
  if (spec.skill !== undefined && spec.attribute2 !== undefined) {
    ctx.reject('Roll an attribute with a skill, or two attributes, not both.');
  }
  const attribute =
    spec.attribute ??
    (spec.skill === undefined ? undefined : SKILLS[spec.skill].attribute) ??
    ctx.reject('Name an attribute or a skill to test.');
  const stats = statsOf(ctx, actor);
  const attributeDice = stats.attributes[attribute];
  let skillDice = 0;
  let specialization = 0;
  let label: string = ATTRIBUTES[attribute];
  if (spec.skill !== undefined) {
    const skill = stats.skills[spec.skill] ?? { rating: 0, specialization: null };
    const skillLabel = SKILLS[spec.skill].label;
    skillDice = skill.rating > 0 ? skill.rating : -1;
    label = `${label} + ${skillLabel}${skill.rating > 0 ? '' : ' (defaulting)'}`;
    if (spec.specialization === true) {
      if (skill.specialization === null || skill.rating === 0) {
        ctx.reject(`${actor.name} has no specialization in ${skillLabel}.`);
      }
      specialization = SPECIALIZATION_BONUS;
      label = `${label} [${skill.specialization}]`;
    }
  } else if (spec.attribute2 !== undefined) {
    skillDice = stats.attributes[spec.attribute2];
    label = `${label} + ${ATTRIBUTES[spec.attribute2]}`;
  }
  const wounds = woundModifier(stats);
  const { conditions, pool: conditionDice } = conditionsOf(ctx.state, actor.id);
  const modifier = spec.modifier ?? 0;
  const base = attributeDice + skillDice + specialization + modifier + wounds + conditionDice;
  const explode = spec.edge === true;
  const edgeDice = explode ? stats.attributes.edge : 0;
  const fallback =
    spec.skill !== undefined ? SKILLS[spec.skill].limit : (ATTRIBUTE_LIMIT[attribute] ?? null);
  return {
    label,
    dice: Math.max(0, base) + edgeDice,
    limit: resolveLimit(stats, spec, fallback),
    explode,
    parts: {
      attribute: attributeDice,
      skill: skillDice,
      specialization,
      modifier,
      wounds,
      conditions: conditionDice,
      edge: edgeDice,
    },
    conditions,
  };
}

/**
 * The data fields after spending one point of Edge to push the limit;
 * refuses when none is left.
 *
 * @example
 * const fields = edgeAfterPush(ctx, actor); // { edgeSpent: 1 }
 */
export function edgeAfterPush(ctx: ModuleContext, actor: Actor): { edgeSpent: number } {
  const stats = statsOf(ctx, actor);
  if (stats.attributes.edge - stats.edgeSpent < 1) {
    ctx.reject(`${actor.name} has no Edge left to push the limit.`);
  }
  return { edgeSpent: stats.edgeSpent + 1 };
}

/** Spends one point of Edge: proposes the actor update (see {@link edgeAfterPush}). */
export function spendEdge(ctx: ProposingContext, actor: Actor): void {
  ctx.act('core:update-actor', {
    actorId: actor.id,
    patch: { data: dataWith(actor, edgeAfterPush(ctx, actor)) },
  });
}
