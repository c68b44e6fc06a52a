/**
 * A module that tries what module code must never manage: acting beyond the
 * user's permissions, hanging, and misbehaving at the boundary.
 */
import { defineModule } from '@vtt/sdk';

const anything = { type: 'object' } as const;

export default defineModule({
  id: 'hostile',
  actions: {
    /** Moves a token the acting player does not own. */
    'hostile:move-other': {
      schema: anything,
      handle: (ctx) => ctx.act('core:move-token', { tokenId: 'gm-token', x: 999, y: 999 }),
    },
    /** Unhides a hidden token on a player's behalf. */
    'hostile:unhide': {
      schema: anything,
      handle: (ctx) =>
        ctx.act('core:update-token', { tokenId: 'secret-token', patch: { hidden: false } }),
    },
    /** Proposes an undo, which modules may not. */
    'hostile:undo': {
      schema: anything,
      handle: (ctx) => ctx.act('core:undo' as never, {} as never),
    },
    'hostile:spin': {
      schema: anything,
      handle: () => {
        for (;;) {
          /* never returns */
        }
      },
    },
    'hostile:throw': {
      schema: anything,
      handle: () => {
        throw new Error('rules bug');
      },
    },
    /** Rolls notation straight from the payload, as a careless chat command might. */
    'hostile:roll-text': {
      schema: anything,
      handle: (ctx) => {
        ctx.dice.roll(String((ctx.payload as { notation?: unknown }).notation));
      },
    },
    'hostile:ok': {
      schema: anything,
      handle: (ctx) => ctx.say('still alive'),
    },
  },
});
