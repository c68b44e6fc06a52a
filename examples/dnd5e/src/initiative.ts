/**
 * Initiative: a Dexterity check, d20 + DEX modifier. Ties go to the higher
 * DEX score, by adding score / 100 (DEX 30 adds 0.30, less than one point).
 */
import type { InitiativeModel } from '@vtt/sdk';
import { modifierOf, readCreature } from './creature.js';
import { rollD20, ROLL_MODES } from './d20.js';

/** The initiative model of the system. */
export const initiative: InitiativeModel = {
  roll: (ctx) => {
    const creature = ctx.subject === undefined ? undefined : readCreature(ctx.subject);
    const dex = creature?.scores.dex ?? 10;
    const bonus = creature === undefined ? 0 : modifierOf(creature, 'dex');
    const { total } = rollD20(ctx, { bonus, mode: ROLL_MODES.normal });
    return total + dex / 100;
  },
};
