/**
 * Initiative: 2D6 + the DEX or INT DM, ties broken by DEX.
 */
import type { InitiativeModel } from '@vtt/sdk';
import { characterData, currentCharacteristics, initiativeDm, isCharacter } from './actor-data.js';

/**
 * Rolls 2D6 and adds the DEX DM, the INT DM, or the higher of the two
 * (`data.initiative`: `dex`, `int` or `best`, the default), plus the current
 * DEX score / 100 so that equal results go to the more dexterous. A
 * combatant without a character rolls a plain 2D6.
 */
export const initiative: InitiativeModel = {
  roll(ctx) {
    const dice = ctx.dice.roll('2d6', { label: 'Initiative' });
    const actor = ctx.subject;
    if (actor === undefined || !isCharacter(actor)) return dice.total;
    const data = characterData(actor);
    return dice.total + initiativeDm(data) + currentCharacteristics(data).dex / 100;
  },
};
