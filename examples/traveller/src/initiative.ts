/**
 * Initiative: 2D6 + the DEX or INT DM, ties broken by DEX.
 */
import type { InitiativeModel } from '@vtt/sdk';
import { characterData, currentCharacteristics, initiativeDm, isCharacter } from './actor-data.js';

const CHOICES = ['dex', 'int', 'best'] as const;

/** The DM choice asked for when rolling (`{ use: 'int' }`), if any. */
function askedChoice(args: unknown): (typeof CHOICES)[number] | undefined {
  const use = (args as { use?: unknown } | null)?.use;
  return CHOICES.find((choice) => choice === use);
}

/**
 * Rolls 2D6 and adds the DEX DM, the INT DM, or the higher of the two: as
 * asked when rolling (`{ use: 'dex' | 'int' | 'best' }`, e.g. an ambush
 * calls for INT), else as the character data chooses (`data.initiative`,
 * `best` by default); plus the current DEX score / 100 so that equal
 * results go to the more dexterous. A combatant without a character rolls a
 * plain 2D6.
 */
export const initiative: InitiativeModel = {
  roll(ctx) {
    const dice = ctx.dice.roll('2d6', { label: 'Initiative' });
    const actor = ctx.subject;
    if (actor === undefined || !isCharacter(actor)) return dice.total;
    const data = characterData(actor);
    const dm = initiativeDm(data, askedChoice(ctx.args) ?? data.initiative ?? 'best');
    return dice.total + dm + currentCharacteristics(data).dex / 100;
  },
};
