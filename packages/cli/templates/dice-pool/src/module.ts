/**
 * The rules of __MODULE_NAME__, a dice-pool system: a test rolls a pool of
 * d6 (an attribute plus extra dice, e.g. a skill) and counts every 5 or 6 as
 * a hit (`Nd6>=5`). More than half the dice showing 1 is a glitch; a glitch
 * with no hits is a critical glitch. Initiative is Reaction + Intuition + 1d6.
 *
 * `vtt build` bundles this file into dist/module.js, which the server runs in
 * its sandbox. Reference: docs/modules/reference.md.
 */
import { defineModule } from '@vtt/sdk';

const ATTRIBUTE_NAMES = {
  body: 'Body',
  agility: 'Agility',
  reaction: 'Reaction',
  logic: 'Logic',
  intuition: 'Intuition',
  willpower: 'Willpower',
} as const;

/** An attribute key, e.g. `agility`. */
type Attribute = keyof typeof ATTRIBUTE_NAMES;

/** The `data` of a character, as its schema in vtt-module.json declares it. */
type CharacterData = {
  attributes: Record<Attribute, number>;
  edge: { value: number; max: number };
  notes?: string;
};

declare module '@vtt/sdk' {
  interface ModuleActions {
    '__MODULE_ID__:spend-edge': { actorId: string };
  }
  interface ModuleRolls {
    test: { attribute?: Attribute; dice?: number; threshold?: number };
  }
}

const characterData = (actor: { readonly data: unknown }) => actor.data as CharacterData;

/** Dice that show a 5 or a 6 are hits. */
const HIT_ON = 5;

export default defineModule({
  id: '__MODULE_ID__',
  actions: {
    '__MODULE_ID__:spend-edge': {
      description: 'Spends one point of Edge of a character.',
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
        if (data.edge.value < 1) ctx.reject(`${actor.name} has no Edge left.`);
        const value = data.edge.value - 1;
        // Proposed as the acting user: only someone who owns the actor may spend its Edge.
        ctx.act('core:update-actor', {
          actorId: actor.id,
          patch: { data: { ...data, edge: { ...data.edge, value } } },
        });
        ctx.say(`${actor.name} spends a point of Edge (${value}/${data.edge.max} left).`);
      },
    },
  },
  derived: {
    character: (ctx) => {
      const { attributes } = characterData(ctx.subject);
      return { initiative: attributes.reaction + attributes.intuition };
    },
  },
  initiative: {
    roll: (ctx) => {
      const attributes =
        ctx.subject?.type === 'character' ? characterData(ctx.subject).attributes : undefined;
      const base = attributes ? attributes.reaction + attributes.intuition : 0;
      const r = ctx.dice.roll('1d6');
      return base + r.total + (attributes?.intuition ?? 0) / 100; // ties go to Intuition
    },
  },
  rolls: {
    test: {
      label: 'Test',
      args: {
        type: 'object',
        additionalProperties: false,
        properties: {
          attribute: { type: 'string', enum: Object.keys(ATTRIBUTE_NAMES) },
          dice: { type: 'integer', minimum: 0, maximum: 50 },
          threshold: { type: 'integer', minimum: 1, maximum: 20 },
        },
      },
      roll: (ctx) => {
        const { attribute, dice = 0, threshold } = ctx.args ?? {};
        let pool = dice;
        if (attribute !== undefined) {
          const actor = ctx.subject ?? ctx.reject('Roll an attribute test for a character.');
          pool += characterData(actor).attributes[attribute];
        }
        if (pool < 1) ctx.reject('A test needs at least one die: give an attribute or dice.');
        const r = ctx.dice.roll(`${pool}d6>=${HIT_ON}`);
        const hits = r.successes ?? 0;
        const ones = r.draws.filter((draw) => draw.value === 1).length;
        const glitch = ones * 2 > pool ? (hits === 0 ? 'critical' : 'glitch') : 'none';
        return {
          label: attribute ? `${ATTRIBUTE_NAMES[attribute]} test` : `${pool}-dice test`,
          total: hits,
          successes: hits,
          glitch,
          ...(threshold === undefined ? {} : { target: threshold, margin: hits - threshold }),
          critical: null,
          rolls: [r],
          data: { pool, ones, success: hits >= (threshold ?? 1) },
        };
      },
    },
  },
});
