/**
 * The rules of __MODULE_NAME__, a 2D6 system: a check is 2D6 + the
 * characteristic's DM + any other DM against 8+. The Effect is the total
 * minus the target: 0 or more succeeds, 6 or more is an exceptional success,
 * -6 or less an exceptional failure. Initiative is 2D6 + DEX DM.
 *
 * `vtt build` bundles this file into dist/module.js, which the server runs in
 * its sandbox. Reference: docs/modules/reference.md.
 */
import { defineModule } from '@vtt/sdk';

const CHARACTERISTIC_NAMES = {
  str: 'Strength',
  dex: 'Dexterity',
  end: 'Endurance',
  int: 'Intellect',
  edu: 'Education',
  soc: 'Social Standing',
} as const;

/** A characteristic key, e.g. `edu`. */
type Characteristic = keyof typeof CHARACTERISTIC_NAMES;

/** The `data` of a character, as its schema in vtt-module.json declares it. */
type CharacterData = {
  characteristics: Record<Characteristic, number>;
  luck: { value: number; max: number };
  notes?: string;
};

declare module '@vtt/sdk' {
  interface ModuleActions {
    '__MODULE_ID__:spend-luck': { actorId: string };
  }
  interface ModuleRolls {
    check: { characteristic?: Characteristic; dm?: number; target?: number };
  }
}

/** The DM of a characteristic: 0 is -3, 1-2 -2, 3-5 -1, 6-8 +0, 9-11 +1, 12-14 +2, 15 +3. */
const dm = (value: number): number => (value <= 0 ? -3 : Math.floor(value / 3) - 2);

const signed = (n: number) => (n < 0 ? ` - ${-n}` : ` + ${n}`);

const characterData = (actor: { readonly data: unknown }) => actor.data as CharacterData;

/** The usual target of a check: 8+. */
const TARGET = 8;

export default defineModule({
  id: '__MODULE_ID__',
  actions: {
    '__MODULE_ID__:spend-luck': {
      description: 'Spends one point of Luck of a character.',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['actorId'],
        properties: { actorId: { type: 'string', maxLength: 128 } },
      },
      handle(ctx) {
        const actor =
          ctx.actor(ctx.payload.actorId) ?? ctx.reject(`There is no actor ${ctx.payload.actorId}.`);
        if (actor.type !== 'character') ctx.reject(`${actor.name} is not a character.`);
        const data = characterData(actor);
        if (data.luck.value < 1) ctx.reject(`${actor.name} has no Luck left.`);
        const value = data.luck.value - 1;
        // Proposed as the acting user: only someone who owns the actor may spend its Luck.
        ctx.act('core:update-actor', {
          actorId: actor.id,
          patch: { data: { ...data, luck: { ...data.luck, value } } },
        });
        ctx.say(`${actor.name} spends a point of Luck (${value}/${data.luck.max} left).`);
      },
    },
  },
  derived: {
    character: (ctx) => {
      const { characteristics: c } = characterData(ctx.subject);
      return {
        modifiers: {
          str: dm(c.str),
          dex: dm(c.dex),
          end: dm(c.end),
          int: dm(c.int),
          edu: dm(c.edu),
          soc: dm(c.soc),
        },
      };
    },
  },
  initiative: {
    roll: (ctx) => {
      const dex =
        ctx.subject?.type === 'character' ? characterData(ctx.subject).characteristics.dex : 7;
      const r = ctx.dice.roll(`2d6${signed(dm(dex))}`);
      return r.total + dex / 100; // ties go to the higher DEX
    },
  },
  rolls: {
    check: {
      label: 'Check',
      args: {
        type: 'object',
        additionalProperties: false,
        properties: {
          characteristic: { type: 'string', enum: Object.keys(CHARACTERISTIC_NAMES) },
          dm: { type: 'integer', minimum: -20, maximum: 20 },
          target: { type: 'integer', minimum: 2, maximum: 30 },
        },
      },
      roll: (ctx) => {
        const { characteristic, dm: extra = 0, target = TARGET } = ctx.args ?? {};
        let modifier = extra;
        if (characteristic !== undefined) {
          const actor = ctx.subject ?? ctx.reject('Roll a characteristic check for a character.');
          modifier += dm(characterData(actor).characteristics[characteristic]);
        }
        const r = ctx.dice.roll(modifier === 0 ? '2d6' : `2d6${signed(modifier)}`);
        const effect = r.total - target;
        return {
          label: characteristic ? `${CHARACTERISTIC_NAMES[characteristic]} check` : 'Check',
          total: r.total,
          target,
          effect,
          critical: effect >= 6 ? 'success' : effect <= -6 ? 'failure' : null,
          rolls: [r],
          data: { success: effect >= 0, modifier },
        };
      },
    },
  },
});
