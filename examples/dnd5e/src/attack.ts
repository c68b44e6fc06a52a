/**
 * The `attack` roll: a weapon attack with one of the actor's weapon items
 * (`itemId`, as the sheet's weapon list sends it), a weapon or stat block
 * attack by name (`attack`), or a bare bonus. The roll itself is in
 * `attack-roll.ts`.
 */
import type { RollDefinition } from '@vtt/sdk';
import { armorClass } from './armor-class.js';
import { argsOf, creatureArg } from './args.js';
import { ATTACK_ARGS, attackRoll } from './attack-roll.js';
import { chosenWeapon } from './weapons.js';

/**
 * `attack` {itemId? | attack?, twoHanded?, bonus?, mode?, targetAc?,
 * damage?, target?, within5ft?, fearInSight?, targetIsCharmer?}: an attack
 * roll with a weapon: the ability (finesse: the higher of STR and DEX,
 * ranged: DEX), proficiency when proficient and the magic bonus, its damage
 * dice and type; `twoHanded` uses a versatile weapon's two-handed damage.
 * With `targetAc` the outcome has `target`, `margin` and `data.hit`; with
 * `damage: true` a hit also rolls its damage (doubled dice on a critical)
 * into `data.damage`. `target` is the token attacked: its conditions give
 * advantage, disadvantage or a critical hit (`within5ft` says whether the
 * attacker is within 5 feet, needed against a prone, paralyzed or
 * unconscious target). A dead or incapacitated attacker is refused, so is
 * a charmed one attacking its charmer (`targetIsCharmer`), and so is an
 * item that is not the actor's own.
 */
export const attack: RollDefinition = {
  label: 'Attack',
  args: {
    type: 'object',
    additionalProperties: false,
    properties: {
      itemId: { type: 'string', minLength: 1, maxLength: 64 },
      attack: { type: 'string', minLength: 1, maxLength: 100 },
      twoHanded: { type: 'boolean' },
      ...ATTACK_ARGS,
    },
  },
  roll: (ctx) => {
    const args = argsOf(ctx.args);
    const { actor, creature } = creatureArg(ctx, ctx.subject);
    const shield = armorClass(creature, ctx.items(actor.id)).shield !== null;
    const weapon = chosenWeapon(ctx, actor, creature, args, shield);
    return attackRoll(ctx, {
      actor,
      creature,
      args,
      name: weapon?.name ?? null,
      toHit: weapon?.toHit ?? 0,
      damage: weapon?.damage ?? '',
      data: {
        itemId: weapon?.itemId ?? null,
        ability: weapon?.ability ?? null,
        proficient: weapon?.proficient ?? false,
        twoHanded: weapon?.twoHanded ?? false,
      },
    });
  },
};
