/**
 * Conditions: stunned, fatigued and high gravity, kept as core combat
 * effects (with durations in rounds) on the actor's combatants.
 */
import { combatantName, type ActionDefinition, type ModuleContext } from '@vtt/sdk';
import type { Characteristic } from './characteristics.js';

/**
 * The conditions, what they do to checks, and how they are labelled:
 * - stunned: DM -2 on every check;
 * - fatigued: every check has a bane;
 * - high gravity: DM -1 on checks with STR or DEX.
 */
export const CONDITIONS = {
  stunned: { label: 'Stunned', dm: -2, bane: false, characteristics: null },
  fatigued: { label: 'Fatigued', dm: 0, bane: true, characteristics: null },
  'high-gravity': {
    label: 'High gravity',
    dm: -1,
    bane: false,
    characteristics: ['str', 'dex'],
  },
} as const satisfies Record<
  string,
  {
    label: string;
    dm: number;
    bane: boolean;
    characteristics: readonly Characteristic[] | null;
  }
>;

/** One of {@link CONDITIONS}. */
export type Condition = keyof typeof CONDITIONS;

/** The condition names. */
export const CONDITION_NAMES = Object.keys(CONDITIONS) as Condition[];

/** What the active conditions do to one check. */
export type ConditionModifiers = {
  readonly conditions: Condition[];
  readonly dm: number;
  readonly bane: boolean;
};

/** The effect id a condition has on a combatant: `traveller.<condition>`. */
export function conditionEffectId(condition: Condition): string {
  return `traveller.${condition}`;
}

/**
 * The conditions active on an actor: those on any combatant of the running
 * combat that is linked to it. Outside combat there are none.
 */
export function activeConditions(state: ModuleContext['state'], actorId: string): Condition[] {
  const found = new Set<Condition>();
  for (const combatant of Object.values(state.combat?.combatants ?? {})) {
    if (combatant.actorId !== actorId) continue;
    for (const condition of CONDITION_NAMES) {
      if (combatant.effects.some((e) => e.id === conditionEffectId(condition)))
        found.add(condition);
    }
  }
  return CONDITION_NAMES.filter((c) => found.has(c));
}

/**
 * What `conditions` do to a check with `characteristic` (null: no characteristic).
 *
 * @example
 * conditionModifiers(['stunned', 'high-gravity'], 'dex'); // { dm: -3, bane: false, ... }
 */
export function conditionModifiers(
  conditions: readonly Condition[],
  characteristic: Characteristic | null,
): ConditionModifiers {
  let dm = 0;
  let bane = false;
  for (const condition of conditions) {
    const rule: (typeof CONDITIONS)[Condition] = CONDITIONS[condition];
    const applies =
      rule.characteristics === null ||
      (characteristic !== null &&
        (rule.characteristics as readonly Characteristic[]).includes(characteristic));
    if (!applies) continue;
    dm += rule.dm;
    bane ||= rule.bane;
  }
  return { conditions: [...conditions], dm, bane };
}

/** Payload of `traveller:add-condition`. */
export type AddConditionPayload = { combatantId: string; condition: Condition; rounds: number };

/**
 * `traveller:add-condition`: puts a condition on a combatant for a number of
 * rounds (a core effect that counts down at the end of the combatant's
 * turns). Adding a condition it already has restarts its duration.
 */
export const addCondition: ActionDefinition<AddConditionPayload> = {
  description: 'Puts a condition (stunned, fatigued, high-gravity) on a combatant for some rounds.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['combatantId', 'condition', 'rounds'],
    properties: {
      combatantId: { type: 'string', minLength: 1, maxLength: 128 },
      condition: { enum: CONDITION_NAMES },
      rounds: { type: 'integer', minimum: 1, maximum: 100 },
    },
  },
  handle(ctx) {
    const { combatantId, condition, rounds } = ctx.payload;
    const combat = ctx.state.combat ?? ctx.reject('Start a combat before adding conditions.');
    const combatant =
      combat.combatants[combatantId] ?? ctx.reject(`There is no combatant ${combatantId}.`);
    const id = conditionEffectId(condition);
    if (combatant.effects.some((e) => e.id === id)) {
      ctx.act('core:remove-effect', { combatantId, effectId: id });
    }
    const { label } = CONDITIONS[condition];
    ctx.act('core:add-effect', { combatantId, id, label, rounds, tick: 'turn-end' });
    ctx.say(
      `${combatantName(ctx.state, combatant)} is ${label.toLowerCase()} for ${rounds} round(s).`,
    );
  },
};
