/**
 * Initiative: a Dexterity check, d20 + DEX modifier, so the roller's
 * conditions on ability checks apply (disadvantage while poisoned,
 * frightened or exhausted). Ties go to the higher DEX score, by adding
 * score / 100 (DEX 30 adds 0.30, less than one point).
 */
import type { InitiativeModel } from '@vtt/sdk';
import { activeConditions } from './conditions.js';
import { modifierOf, readCreature } from './creature.js';
import { resolveMode, rollD20, ROLL_MODES } from './d20.js';
import { ownRollEffects, ROLL_KINDS } from './roll-effects.js';

/** The initiative model of the system. */
export const initiative: InitiativeModel = {
  roll: (ctx) => {
    const actor = ctx.subject;
    const creature = actor === undefined ? undefined : readCreature(actor);
    if (actor === undefined || creature === undefined) {
      return rollD20(ctx, { bonus: 0, mode: ROLL_MODES.normal }).total + 0.1;
    }
    const conditions = activeConditions(ctx.state, actor, creature);
    const effects = ownRollEffects(conditions, creature.exhaustion, {
      kind: ROLL_KINDS.check,
      ability: 'dex',
    });
    const mode = resolveMode(ROLL_MODES.normal, effects);
    const { total } = rollD20(ctx, { bonus: modifierOf(creature, 'dex'), mode });
    return total + creature.scores.dex / 100;
  },
};
