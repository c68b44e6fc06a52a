/**
 * The `/check` chat command: `/check <skill or characteristic> [difficulty] [boon|bane] [@actor]`.
 */
import type { ChatCommandDefinition, CommandContext } from '@vtt/sdk';
import { isCharacteristic, type Characteristic } from './characteristics.js';
import { DEFAULT_TARGET, parseDifficulty, rollCheck } from './checks.js';
import { isCharacter, type Actor } from './actor-data.js';
import { defaultCharacteristic } from './skills.js';
import type { JsonValue } from './json.js';
import { ownsActor } from './subject.js';

/** What a `/check` line asks for. */
export type CheckCommand = {
  readonly skill: string | null;
  readonly characteristic: Characteristic | null;
  readonly target: number;
  readonly boon: boolean;
  readonly bane: boolean;
  /** The name or id after `@`, or null for the speaker's own character. */
  readonly actor: string | null;
};

const USAGE =
  'Usage: /check <skill or characteristic>[/<characteristic>] [difficulty or target] [boon|bane] [@character], e.g. /check gun-combat difficult';

/**
 * Parses the text after `/check`. The first word is a skill (`pilot`), a
 * characteristic (`end`) or both (`pilot/int`); the rest is a difficulty
 * (`difficult`, `very difficult`, `10+`), `boon` or `bane`, and `@name` to
 * roll for a character other than the speaker's own. Returns a reason
 * string when it cannot be read.
 *
 * @example
 * parseCheckCommand('gun-combat very difficult boon'); // { skill: 'gun-combat', target: 12, boon: true, ... }
 */
export function parseCheckCommand(text: string): CheckCommand | string {
  const at = text.indexOf('@');
  const actor = at < 0 ? null : text.slice(at + 1).trim() || null;
  const words = (at < 0 ? text : text.slice(0, at)).trim().toLowerCase().split(/\s+/);
  const first = words.shift() ?? '';
  if (first === '') return USAGE;
  const [name = '', explicit] = first.split('/');
  let skill: string | null = name;
  let characteristic: Characteristic | null = null;
  if (explicit !== undefined) {
    if (!isCharacteristic(explicit)) return `"${explicit}" is not a characteristic. ${USAGE}`;
    characteristic = explicit;
  } else if (isCharacteristic(name)) {
    skill = null;
    characteristic = name;
  }
  if (skill !== null && !/^[a-z][a-z0-9-]{0,39}$/.test(skill))
    return `"${skill}" is not a skill. ${USAGE}`;
  const boon = words.includes('boon');
  const bane = words.includes('bane');
  const rest = words.filter((w) => w !== 'boon' && w !== 'bane').join(' ');
  const target = rest === '' ? DEFAULT_TARGET : parseDifficulty(rest);
  if (target === null) return `"${rest}" is not a difficulty. ${USAGE}`;
  return { skill, characteristic, target, boon, bane, actor };
}

/**
 * The character a `/check` is for: the one named after `@` (by id or name)
 * among those the user owns, else the actor chosen as speaker in the chat
 * box if the user owns it, else the user's own traveller (or, without one,
 * their own NPC) when they own exactly one. The same refusal for a name that
 * does not exist and one the user does not own, so a player learns nothing
 * about characters they cannot see.
 */
export function speakerCharacter(ctx: CommandContext<string>, named: string | null): Actor {
  const characters = [...ctx.state.actors.values()].filter(isCharacter);
  if (named !== null) {
    const wanted = named.toLowerCase();
    const mine = characters.filter((a) => ownsActor(ctx, a));
    return (
      mine.find((a) => a.id === named) ??
      mine.find((a) => a.name.toLowerCase() === wanted) ??
      ctx.reject(`You own no traveller or NPC called "${named}".`)
    );
  }
  const chosen = ctx.speaker;
  if (chosen !== undefined && isCharacter(chosen) && ownsActor(ctx, chosen)) return chosen;
  const own = characters.filter(
    (a) => (a.ownership[ctx.user.id] ?? a.defaultOwnership) === 'owner',
  );
  const travellers = own.filter((a) => a.type === 'traveller');
  const candidates = travellers.length > 0 ? travellers : own;
  if (candidates.length === 1) return candidates[0]!;
  return ctx.reject(
    candidates.length === 0
      ? 'You have no character of your own: add @name to say who rolls.'
      : 'You own several characters: add @name to say who rolls.',
  );
}

/** `/check`: a check for the speaker's character, posted with its outcome. */
export const checkCommand: ChatCommandDefinition = {
  description:
    'Rolls a check: /check <skill or characteristic> [difficulty] [boon|bane] [@character]',
  run(ctx) {
    const parsed = parseCheckCommand(ctx.args);
    if (typeof parsed === 'string') return ctx.reject(parsed);
    const actor = speakerCharacter(ctx, parsed.actor);
    const characteristic =
      parsed.characteristic ??
      (parsed.skill === null ? null : defaultCharacteristic(parsed.skill)) ??
      ctx.reject(
        `Name the characteristic to use with ${parsed.skill}, e.g. /check ${parsed.skill}/int.`,
      );
    const outcome = rollCheck(ctx, actor, {
      characteristic,
      skill: parsed.skill,
      target: parsed.target,
      boon: parsed.boon,
      bane: parsed.bane,
    });
    ctx.say(`${outcome.label}: ${outcome.total}`, {
      ...(outcome.rolls[0] === undefined ? {} : { roll: outcome.rolls[0] }),
      data: { outcome: { name: 'check', ...outcome } as unknown as JsonValue },
    });
  },
};
