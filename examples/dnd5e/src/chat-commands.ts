/**
 * `/save <ability> [dc] [adv|dis] [@actor name]`: a saving throw for the
 * speaker's character, typed in chat.
 */
import type { ChatCommandDefinition, CommandContext } from '@vtt/sdk';
import { rollTest } from './checks.js';
import { readCreature, type Creature } from './creature.js';
import { ROLL_MODES, type RollMode } from './d20.js';
import { ABILITIES, ABILITY_NAMES, type Ability } from './rules.js';
import type { Actor, JsonValue } from './sdk-types.js';

const MODE_WORDS: Readonly<Record<string, RollMode>> = {
  adv: ROLL_MODES.advantage,
  advantage: ROLL_MODES.advantage,
  dis: ROLL_MODES.disadvantage,
  disadvantage: ROLL_MODES.disadvantage,
};

const USAGE = 'usage: /save <ability> [dc] [adv|dis] [@actor name], e.g. /save dex 15';

/** An ability from `dex` or `dexterity`. */
export function parseAbility(word: string): Ability | undefined {
  const lower = word.toLowerCase();
  return ABILITIES.find((a) => a === lower || ABILITY_NAMES[a].toLowerCase() === lower);
}

/**
 * The speaker's actor: with `@name` the actor of that name they own (a GM
 * owns every actor); else the actor chosen as speaker in the chat box, if
 * they own it; else the character they own.
 */
function speaker(
  ctx: CommandContext<string>,
  name: string | undefined,
): { actor: Actor; creature: Creature } {
  const owns = (a: Actor) =>
    ctx.user.role === 'gm' || (a.ownership[ctx.user.id] ?? a.defaultOwnership) === 'owner';
  const chosen = ctx.speaker;
  if (name === undefined && chosen !== undefined && owns(chosen)) {
    const creature = readCreature(chosen);
    if (creature !== undefined) return { actor: chosen, creature };
  }
  const candidates = [...ctx.state.actors.values()]
    .filter((a) => owns(a) && readCreature(a) !== undefined)
    .filter((a) =>
      name === undefined
        ? a.type === 'character' && ctx.user.role !== 'gm'
        : a.name.toLowerCase() === name.toLowerCase(),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const actor =
    candidates[0] ??
    ctx.reject(
      name === undefined
        ? `you own no character to roll for; name one: ${USAGE}`
        : `you own no actor named "${name}"`,
    );
  return { actor, creature: readCreature(actor) as Creature };
}

/** The `/save` chat command. */
export const saveCommand: ChatCommandDefinition = {
  description: 'Rolls a saving throw for your character: /save dex 15 adv',
  run: (ctx) => {
    const at = ctx.args.indexOf('@');
    const name = at < 0 ? undefined : ctx.args.slice(at + 1).trim() || undefined;
    const words = (at < 0 ? ctx.args : ctx.args.slice(0, at)).trim().split(/\s+/).filter(Boolean);
    const ability = parseAbility(words[0] ?? '') ?? ctx.reject(USAGE);
    let dc: number | undefined;
    let mode: RollMode = ROLL_MODES.normal;
    for (const word of words.slice(1)) {
      const modeWord = MODE_WORDS[word.toLowerCase()];
      if (modeWord !== undefined) mode = modeWord;
      else if (/^\d{1,2}$/.test(word)) dc = Number(word);
      else ctx.reject(USAGE);
    }
    const { actor, creature } = speaker(ctx, name);
    const outcome = rollTest(ctx, { actor, creature, test: { kind: 'save', ability }, dc, mode });
    const { success, autoFail } = outcome.data;
    const verdict = autoFail
      ? ' (automatic failure)'
      : success === null
        ? ''
        : ` vs DC ${dc}: ${success ? 'success' : 'failure'}`;
    const roll = outcome.rolls[0];
    // RollResult is JSON, but declared as an interface TypeScript will not match to JsonValue.
    const card = { outcome: { ...outcome, name: 'saving-throw' } } as unknown as JsonValue;
    ctx.say(`${outcome.label}: ${outcome.total}${verdict}`, {
      ...(roll === undefined ? {} : { roll }),
      data: card,
    });
  },
};
