/**
 * The rules of __MODULE_NAME__, a d20 system: a check is d20 + ability
 * modifier against a DC, with advantage (2d20kh1) or disadvantage (2d20kl1);
 * a natural 20 is a critical success and a natural 1 a critical failure.
 * Initiative is d20 + DEX modifier.
 *
 * `vtt build` bundles this file into dist/module.js, which the server runs in
 * its sandbox. Reference: docs/modules/reference.md.
 */
import { defineModule } from '@vtt/sdk';

const ABILITY_NAMES = {
  str: 'Strength',
  dex: 'Dexterity',
  con: 'Constitution',
  int: 'Intelligence',
  wis: 'Wisdom',
  cha: 'Charisma',
} as const;

/** An ability key: `str`, `dex`, `con`, `int`, `wis` or `cha`. */
type Ability = keyof typeof ABILITY_NAMES;

/** How the d20 of a check is rolled. */
type RollMode = 'normal' | 'advantage' | 'disadvantage';

/** The `data` of a character, as its schema in vtt-module.json declares it. */
type CharacterData = {
  abilities: Record<Ability, number>;
  hp: { value: number; max: number };
  notes?: string;
};

declare module '@vtt/sdk' {
  interface ModuleActions {
    '__MODULE_ID__:heal': { actorId: string; amount: number };
  }
  interface ModuleRolls {
    check: { ability: Ability; dc?: number; mode?: RollMode };
  }
}

/** The modifier of an ability score: 10-11 is +0, 12-13 is +1, 8-9 is -1. */
const modifier = (score: number): number => Math.floor((score - 10) / 2);

const signed = (n: number) => (n < 0 ? ` - ${-n}` : ` + ${n}`);

const characterData = (actor: { readonly data: unknown }) => actor.data as CharacterData;

const D20_BY_MODE = { normal: '1d20', advantage: '2d20kh1', disadvantage: '2d20kl1' } as const;

export default defineModule({
  id: '__MODULE_ID__',
  actions: {
    '__MODULE_ID__:heal': {
      description: 'Heals a character by a number of hit points, up to their maximum.',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['actorId', 'amount'],
        properties: {
          actorId: { type: 'string', maxLength: 128 },
          amount: { type: 'integer', minimum: 1, maximum: 1000 },
        },
      },
      handle(ctx) {
        const actor =
          ctx.actor(ctx.payload.actorId) ?? ctx.reject(`There is no actor ${ctx.payload.actorId}.`);
        if (actor.type !== 'character') ctx.reject(`${actor.name} is not a character.`);
        const data = characterData(actor);
        const value = Math.min(data.hp.max, data.hp.value + ctx.payload.amount);
        // Proposed as the acting user: only someone who owns the actor may heal it.
        ctx.act('core:update-actor', {
          actorId: actor.id,
          patch: { data: { ...data, hp: { ...data.hp, value } } },
        });
        ctx.say(`${actor.name} heals ${value - data.hp.value} HP (${value}/${data.hp.max}).`);
      },
    },
  },
  derived: {
    character: (ctx) => {
      const { abilities } = characterData(ctx.subject);
      return {
        modifiers: {
          str: modifier(abilities.str),
          dex: modifier(abilities.dex),
          con: modifier(abilities.con),
          int: modifier(abilities.int),
          wis: modifier(abilities.wis),
          cha: modifier(abilities.cha),
        },
      };
    },
  },
  initiative: {
    roll: (ctx) => {
      const dex = ctx.subject?.type === 'character' ? characterData(ctx.subject).abilities.dex : 10;
      const r = ctx.dice.roll(`1d20${signed(modifier(dex))}`);
      return r.total + dex / 100; // ties go to the higher DEX score
    },
  },
  rolls: {
    check: {
      label: 'Ability check',
      args: {
        type: 'object',
        additionalProperties: false,
        required: ['ability'],
        properties: {
          ability: { type: 'string', enum: Object.keys(ABILITY_NAMES) },
          dc: { type: 'integer', minimum: 1, maximum: 40 },
          mode: { type: 'string', enum: ['normal', 'advantage', 'disadvantage'] },
        },
      },
      roll: (ctx) => {
        const actor = ctx.subject ?? ctx.reject('Roll a check for a character.');
        const { ability, dc = 10, mode = 'normal' } = ctx.args;
        const mod = modifier(characterData(actor).abilities[ability]);
        const r = ctx.dice.roll(`${D20_BY_MODE[mode]}${signed(mod)}`);
        const natural = r.total - mod;
        const critical = natural === 20 ? 'success' : natural === 1 ? 'failure' : null;
        return {
          label: `${ABILITY_NAMES[ability]} check`,
          total: r.total,
          target: dc,
          margin: r.total - dc,
          critical,
          rolls: [r],
          data: { ability, mode, natural, success: critical === 'success' || r.total >= dc },
        };
      },
    },
  },
});
