/**
 * Type tests of the module API: checked by `npm run typecheck` (tsc), never
 * run. Each `@ts-expect-error` fails the typecheck if the error it expects
 * stops happening.
 */
import { defineModule } from './define-module.js';

declare module './define-module.js' {
  interface ModuleActions {
    'typetest:heal': { actorId: string; amount: number };
  }
  interface ModuleRolls {
    'typetest-check': { dc: number };
  }
}

export const typed = defineModule({
  id: 'typetest',
  actions: {
    'typetest:heal': {
      schema: { type: 'object' },
      handle(ctx) {
        const amount: number = ctx.payload.amount;
        // @ts-expect-error -- the payload has no such field
        void ctx.payload.hitPoints;
        ctx.act('core:move-token', { tokenId: 't1', x: amount, y: 0 });
        // @ts-expect-error -- a core action's payload is checked too
        ctx.act('core:move-token', { tokenId: 't1' });
        // @ts-expect-error -- there is no such core action
        ctx.act('core:teleport-token', {});
        ctx.say(`healed ${amount}`);
      },
    },
  },
  rolls: {
    'typetest-check': {
      roll(ctx) {
        const dc: number = ctx.args.dc;
        const result = ctx.dice.roll('1d20');
        return { label: 'Check', total: result.total, margin: result.total - dc, rolls: [result] };
      },
    },
  },
  initiative: {
    roll: (ctx) => ctx.dice.roll('1d20').total,
  },
});

defineModule({
  id: 'typetest',
  rolls: {
    broken: {
      // @ts-expect-error -- a roll must return a total
      roll: () => ({ label: 'No total', rolls: [] }),
    },
  },
});
