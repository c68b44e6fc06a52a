/**
 * Wounds: damage reduces END first, then STR or DEX. Two physical
 * characteristics at 0 knock a character out; all three kill.
 */
import type { ActionDefinition } from '@vtt/sdk';
import { CHARACTERISTIC_LABELS, PHYSICAL, type Physical } from './characteristics.js';
import {
  characterData,
  currentCharacteristics,
  isCharacter,
  physicalAtZero,
  type CharacterData,
} from './actor-data.js';
import { wornArmour } from './equipment.js';
import { ownsActor } from './subject.js';

/** Payload of `traveller:apply-damage`. */
export type ApplyDamagePayload = {
  actorId: string;
  amount: number;
  /** Skip the actor's worn armour (e.g. falling, fire inside a suit). */
  ignoreArmour?: boolean;
  /** Points of armour the attack ignores (a weapon's AP n; an attack's `data.ap`). */
  armourPiercing?: number;
  /** Which of STR and DEX takes what END cannot; the higher current one by default. */
  then?: 'str' | 'dex';
};

/** How damage was spread, for the chat card and for tests. */
export type DamageSplit = {
  /** Damage after armour. */
  readonly taken: number;
  /** Points stopped by armour. */
  readonly stopped: number;
  /** Points taken by each characteristic, in the order they were taken. */
  readonly losses: { characteristic: Physical; amount: number }[];
  /** The new `data.damage`. */
  readonly damage: Record<Physical, number>;
  readonly unconscious: boolean;
  readonly dead: boolean;
};

/**
 * Spreads `amount` damage over a character: armour first stops its
 * `protection` (less armour piercing), then END takes what it can, then the
 * chosen one of STR/DEX, then the other. Damage beyond all three is lost.
 *
 * @example
 * splitDamage(data, 0, { amount: 9 }); // END 7 -> 0, then 2 from STR
 */
export function splitDamage(
  data: CharacterData,
  protection: number,
  options: Omit<ApplyDamagePayload, 'actorId'>,
): DamageSplit {
  const armour = options.ignoreArmour ? 0 : Math.max(0, protection - (options.armourPiercing ?? 0));
  const taken = Math.max(0, options.amount - armour);
  const current = currentCharacteristics(data);
  const second = options.then ?? (current.dex > current.str ? 'dex' : 'str');
  const order: Physical[] = ['end', second, second === 'str' ? 'dex' : 'str'];
  const damage: Record<Physical, number> = { str: 0, dex: 0, end: 0 };
  for (const key of PHYSICAL) damage[key] = data.damage?.[key] ?? 0;
  const losses: DamageSplit['losses'] = [];
  let left = taken;
  for (const key of order) {
    const amount = Math.min(left, current[key]);
    if (amount <= 0) continue;
    damage[key] += amount;
    current[key] -= amount;
    left -= amount;
    losses.push({ characteristic: key, amount });
  }
  const zero = physicalAtZero(current);
  return {
    taken,
    stopped: options.amount - taken,
    losses,
    damage,
    unconscious: zero >= 2,
    dead: zero === 3,
  };
}

/**
 * `traveller:apply-damage`: wounds a traveller or NPC (see
 * {@link splitDamage}), its worn armour items stopping their protection.
 * Only the GM and the character's owners may; the
 * change is decided as the acting user as well.
 */
export const applyDamage: ActionDefinition<ApplyDamagePayload> = {
  description: 'Applies damage to a character: worn armour, then END, then STR or DEX.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['actorId', 'amount'],
    properties: {
      actorId: { type: 'string', minLength: 1, maxLength: 128 },
      amount: { type: 'integer', minimum: 1, maximum: 200 },
      ignoreArmour: { type: 'boolean' },
      armourPiercing: { type: 'integer', minimum: 0, maximum: 50 },
      then: { enum: ['str', 'dex'] },
    },
  },
  handle(ctx) {
    const { actorId, ...options } = ctx.payload;
    const actor = ctx.actor(actorId) ?? ctx.reject(`There is no actor ${actorId}.`);
    if (!isCharacter(actor)) ctx.reject(`${actor.name} is not a traveller or NPC.`);
    if (!ownsActor(ctx, actor)) {
      ctx.reject(`Only the GM and ${actor.name}'s owners may apply damage to it.`);
    }
    const data = characterData(actor);
    const { protection } = wornArmour(ctx, actorId, data.skills ?? {});
    const split = splitDamage(data, protection, options);
    const parts = split.losses.map(
      (l) => `${CHARACTERISTIC_LABELS[l.characteristic]} -${l.amount}`,
    );
    const armour = split.stopped > 0 ? ` (armour stopped ${split.stopped})` : '';
    const state = split.dead ? ' and is dead' : split.unconscious ? ' and is unconscious' : '';
    if (split.taken > 0) {
      ctx.act('core:update-actor', {
        actorId,
        patch: { data: { ...(actor.data as object), damage: split.damage } },
      });
    }
    ctx.say(
      `${actor.name} takes ${split.taken} damage${armour}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}${state}.`,
      {
        data: {
          actorId,
          taken: split.taken,
          stopped: split.stopped,
          losses: split.losses,
          unconscious: split.unconscious,
          dead: split.dead,
        },
      },
    );
  },
};
