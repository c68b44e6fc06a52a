/**
 * Ability checks, skill checks and saving throws: d20 + bonus against an
 * optional DC, with advantage and disadvantage from the request, from the
 * roller's conditions and, on Stealth checks, from noisy armor. A natural 20 or 1 has no special effect on these (SRD).
 */
import type { ModuleContext, RollDefinition } from '@vtt/sdk';
import { armorClass } from './armor-class.js';
import { argsOf, choiceArg, creatureArg, intArg, modeArg, type RawArgs } from './args.js';
import { assertAlive } from './can-act.js';
import { activeConditions } from './conditions.js';
import { modifierOf, saveBonus, skillBonus, type Creature } from './creature.js';
import { resolveMode, rollD20, type RollMode } from './d20.js';
import {
  ABILITIES,
  ABILITY_NAMES,
  SKILL_NAMES,
  SKILLS,
  type Ability,
  type Skill,
} from './rules.js';
import { ownRollEffects, ROLL_KINDS, type OwnRoll, type RollKind } from './roll-effects.js';
import type { Actor, RollResult } from './sdk-types.js';

/** The typed outcome of a check or save (a RollOutcome without its name). */
export type CheckOutcome = {
  label: string;
  total: number;
  target?: number;
  margin?: number;
  critical: null;
  rolls: RollResult[];
  data: {
    natural: number;
    bonus: number;
    mode: RollMode;
    /** Null without a DC. */
    success: boolean | null;
    autoFail: boolean;
    /** What the roller's conditions did: `['poisoned: disadvantage']`. */
    because: string[];
  };
};

/** What a check needs, from the roll's arguments (see `OwnRoll`). */
export type CheckNeeds = Pick<OwnRoll, 'sight' | 'hearing' | 'fearInSight' | 'vsCharmed'>;

/** What is being tested. */
type Test =
  | { readonly kind: 'check'; readonly ability: Ability }
  | { readonly kind: 'skill'; readonly skill: Skill }
  | { readonly kind: 'save'; readonly ability: Ability };

function testInfo(
  creature: Creature,
  test: Test,
): { label: string; bonus: number; kind: Exclude<RollKind, 'attack' | 'death-save'> } {
  if (test.kind === 'skill') {
    return {
      label: `${SKILL_NAMES[test.skill]} (${ABILITY_NAMES[SKILLS[test.skill]]}) check`,
      bonus: skillBonus(creature, test.skill),
      kind: ROLL_KINDS.check,
    };
  }
  if (test.kind === 'save') {
    return {
      label: `${ABILITY_NAMES[test.ability]} saving throw`,
      bonus: saveBonus(creature, test.ability),
      kind: ROLL_KINDS.save,
    };
  }
  return {
    label: `${ABILITY_NAMES[test.ability]} check`,
    bonus: modifierOf(creature, test.ability),
    kind: ROLL_KINDS.check,
  };
}

/**
 * Rolls a check or save for `actor` and returns its outcome, refused for a
 * dead creature. Used by the named rolls, the `/save` chat command and the
 * concentration save on damage.
 *
 * @example
 * const outcome = rollTest(ctx, { actor, creature, test: { kind: 'save', ability: 'dex' }, dc: 15, mode: 'normal' });
 */
export function rollTest(
  ctx: ModuleContext,
  request: {
    readonly actor: Actor;
    readonly creature: Creature;
    readonly test: Test;
    readonly dc: number | undefined;
    readonly mode: RollMode;
    readonly needs?: CheckNeeds;
  },
): CheckOutcome {
  const { creature, test, dc } = request;
  const { label, bonus, kind } = testInfo(creature, test);
  assertAlive(ctx, creature, kind === ROLL_KINDS.save ? 'make a saving throw' : 'make a check');
  const conditions = activeConditions(ctx.state, request.actor, creature);
  const ability = test.kind === 'skill' ? SKILLS[test.skill] : test.ability;
  const effects = ownRollEffects(conditions, creature.exhaustion, {
    ...(kind === ROLL_KINDS.check ? request.needs : {}),
    kind,
    ability,
  });
  const armor =
    test.kind === 'skill' && test.skill === 'stealth'
      ? armorClass(creature, ctx.items(request.actor.id))
      : undefined;
  const noisy = armor?.stealthDisadvantage === true;
  const because = noisy ? [...effects.because, `${armor?.worn}: disadvantage`] : effects.because;
  const mode = resolveMode(request.mode, {
    advantage: effects.advantage,
    disadvantage: effects.disadvantage || noisy,
  });
  const d20 = rollD20(ctx, { bonus, mode });
  const success = effects.autoFail ? false : dc === undefined ? null : d20.total >= dc;
  return {
    label: `${creature.name}: ${label}`,
    total: d20.total,
    ...(dc === undefined ? {} : { target: dc }),
    ...(dc === undefined || effects.autoFail ? {} : { margin: d20.total - dc }),
    critical: null,
    rolls: [d20.roll],
    data: {
      natural: d20.natural,
      bonus,
      mode,
      success,
      autoFail: effects.autoFail,
      because: [...because],
    },
  };
}

const common = {
  dc: { type: 'integer', minimum: 1, maximum: 40 },
  mode: { enum: ['normal', 'advantage', 'disadvantage'] },
};

/** Arguments of ability and skill checks that conditions read. */
const needsArgs = {
  sight: { type: 'boolean' },
  hearing: { type: 'boolean' },
  fearInSight: { type: 'boolean' },
  vsCharmed: { type: 'boolean' },
};

/** `sight`, `hearing`, `fearInSight` and `vsCharmed` of a check's arguments. */
export function needsOf(args: RawArgs): CheckNeeds {
  const needs: { -readonly [K in keyof CheckNeeds]: boolean } = {};
  for (const key of Object.keys(needsArgs) as (keyof CheckNeeds)[]) {
    const value = args[key];
    if (typeof value === 'boolean') needs[key] = value;
  }
  return needs;
}

function namedTest(kind: 'check' | 'save'): RollDefinition {
  return {
    label: kind === 'save' ? 'Saving throw' : 'Ability check',
    args: {
      type: 'object',
      additionalProperties: false,
      required: ['ability'],
      properties: {
        ability: { enum: [...ABILITIES] },
        ...common,
        ...(kind === 'check' ? needsArgs : {}),
      },
    },
    roll: (ctx) => {
      const args = argsOf(ctx.args);
      const ability = choiceArg(ctx, args, 'ability', ABILITIES);
      const { actor, creature } = creatureArg(ctx, ctx.subject);
      return rollTest(ctx, {
        actor,
        creature,
        test: { kind, ability },
        dc: intArg(ctx, args, 'dc', 1, 40),
        mode: modeArg(ctx, args),
        needs: needsOf(args),
      });
    },
  };
}

/**
 * `ability-check` {ability, dc?, mode?, sight?, hearing?, fearInSight?, vsCharmed?}:
 * d20 + the ability modifier.
 */
export const abilityCheck = namedTest('check');

/** `saving-throw` {ability, dc?, mode?}: d20 + the save bonus (proficiency if proficient). */
export const savingThrow = namedTest('save');

/**
 * `skill-check` {skill, dc?, mode?, sight?, hearing?, fearInSight?, vsCharmed?}:
 * d20 + the skill bonus (proficiency, doubled with expertise).
 */
export const skillCheck: RollDefinition = {
  label: 'Skill check',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['skill'],
    properties: {
      skill: { enum: Object.keys(SKILLS) },
      ...common,
      ...needsArgs,
    },
  },
  roll: (ctx) => {
    const args = argsOf(ctx.args);
    const skill = choiceArg(ctx, args, 'skill', Object.keys(SKILLS) as Skill[]);
    const { actor, creature } = creatureArg(ctx, ctx.subject);
    return rollTest(ctx, {
      actor,
      creature,
      test: { kind: 'skill', skill },
      dc: intArg(ctx, args, 'dc', 1, 40),
      mode: modeArg(ctx, args),
      needs: needsOf(args),
    });
  },
};
