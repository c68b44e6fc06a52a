/**
 * A small but complete module used as the SDK's fixture: a custom action, a
 * before-hook veto, an after-hook, derived data, an initiative model, a named
 * roll with a typed result, a chat command and a macro.
 */
import { defineModule } from '@vtt/sdk';

declare module '@vtt/sdk' {
  interface ModuleActions {
    'heroes:heal': { actorId: string; amount: number };
  }
}

interface HeroData {
  score: number;
  hp: number;
}

const modifier = (score: number) => Math.floor((score - 10) / 2);

export default defineModule({
  id: 'heroes',
  actions: {
    'heroes:heal': {
      description: 'Heals an actor by a number of hit points.',
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['actorId', 'amount'],
        properties: {
          actorId: { type: 'string', maxLength: 64 },
          amount: { type: 'integer', minimum: 1, maximum: 100 },
        },
      },
      handle(ctx) {
        const actor =
          ctx.actor(ctx.payload.actorId) ?? ctx.reject(`no actor ${ctx.payload.actorId}`);
        const data = actor.data as unknown as HeroData;
        ctx.act('core:update-actor', {
          actorId: actor.id,
          patch: { data: { ...data, hp: data.hp + ctx.payload.amount } },
        });
        ctx.say(`${actor.name} heals ${ctx.payload.amount}`);
      },
    },
  },
  hooks: {
    before: {
      'core:move-token': (ctx) => {
        const payload = ctx.payload as { x: number; y: number };
        if (payload.x > 5000) ctx.reject('that is off the edge of the world');
        // Snap to a 50 px lattice: an adjusted payload.
        return { payload: { ...(ctx.payload as object), x: Math.round(payload.x / 50) * 50 } };
      },
    },
    after: {
      'core:token-moved': (ctx) => {
        ctx.say(`moved (event ${ctx.event.seq})`);
      },
    },
  },
  derived: {
    hero: (ctx) => {
      const data = ctx.subject.data as unknown as HeroData;
      return { modifier: modifier(data.score) };
    },
  },
  initiative: {
    roll: (ctx) => {
      const data = ctx.subject?.data as unknown as HeroData | undefined;
      const d20 = ctx.dice.roll('1d20');
      return d20.total + modifier(data?.score ?? 10) + (data?.score ?? 10) / 100;
    },
  },
  rolls: {
    check: {
      label: 'Check',
      args: { type: 'object', properties: { dc: { type: 'integer' } } },
      roll: (ctx) => {
        const data = ctx.subject?.data as unknown as HeroData | undefined;
        const mod = modifier(data?.score ?? 10);
        const r = ctx.dice.roll(`1d20 + ${mod}`);
        const natural = r.total - mod;
        const dc = (ctx.args as { dc?: number } | null)?.dc ?? 10;
        return {
          label: 'Check',
          total: r.total,
          target: dc,
          margin: r.total - dc,
          critical: natural === 20 ? 'success' : natural === 1 ? 'failure' : null,
          rolls: [r],
        };
      },
    },
  },
  chatCommands: {
    flip: {
      description: 'Flips a coin.',
      run: (ctx) => {
        const r = ctx.dice.roll('1d2');
        ctx.say(r.total === 1 ? 'Heads' : 'Tails', { roll: r, data: { face: r.total } });
      },
    },
  },
  macros: {
    shout: {
      label: 'Shout',
      run: (ctx) => ctx.say(`${ctx.speaker?.name ?? 'Someone'}: ${String(ctx.args).toUpperCase()}`),
    },
  },
});
