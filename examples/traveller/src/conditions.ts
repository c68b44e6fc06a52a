/**
 * Conditions: stunned, fatigued and high gravity, kept as core effects
 * (with durations in rounds) on a combatant's token or actor; what is left
 * of them outlives the combat.
 */
import { combatantName, effectsOf, type ActionDefinition, type ModuleContext } from '@vtt/sdk';
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

/** The status a condition's effect carries (and shows on tokens): `traveller.<condition>`. */
export function conditionStatus(condition: Condition): string {
  return `traveller.${condition}`;
}

/** The conditions active on an actor: those of the effects on it and on its tokens. */
export function activeConditions(state: ModuleContext['state'], actorId: string): Condition[] {
  const found = new Set<string>();
  effectsOf(state).forEach((e) => {
    const on =
      e.target.collection === 'actors'
        ? e.target.id === actorId
        : state.tokens.get(e.target.id)?.actorId === actorId;
    if (on) for (const status of e.statuses) found.add(status);
  });
  return CONDITION_NAMES.filter((c) => found.has(conditionStatus(c)));
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
 * `traveller:add-condition`: puts a condition on a combatant's token (or
 * actor) for a number of rounds (a core effect that counts down at the end
 * of the combatant's turns). Adding a condition it already has restarts its duration.
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
    const { label } = CONDITIONS[condition];
    ctx.act('core:add-effect', {
      target,
      label,
      statuses: [status],
      origin: 'traveller',
      duration: { unit: 'rounds', rounds, tick: 'turn-end' },
    });
    ctx.say(
      `${combatantName(ctx.state, combatant)} is ${label.toLowerCase()} for ${rounds} round(s).`,
    );
  },
};
