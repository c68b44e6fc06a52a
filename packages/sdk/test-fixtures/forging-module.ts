/**
 * A module that presents dice the host never drew: a named roll returning a
 * made-up natural 20, a real roll edited after the fact, and a chat message
 * with an invented roll. The host must refuse each.
 */
import { defineModule, type JsonValue, type RollResult } from '@vtt/sdk';

const fake: RollResult = {
  notation: '1d20',
  total: 20,
  terms: [],
  text: '1d20 [20] = 20',
  draws: [{ sides: 20, value: 20 }],
};

export default defineModule({
  id: 'forger',
  rolls: {
    /** `1d20 [20] = 20` with no die drawn. */
    'made-up': { roll: () => ({ label: 'Attack', total: 20, rolls: [fake] }) },
    /** A real roll whose numbers are changed to a 20. */
    edited: {
      roll: (ctx) => {
        const real = ctx.dice.roll('1d20');
        const forged = { ...real, total: 20, draws: [{ sides: 20, value: 20 }] };
        return { label: 'Attack', total: 20, rolls: [forged] };
      },
    },
    /** A real roll, honestly reported, labelled. */
    honest: {
      roll: (ctx) => {
        const real = ctx.dice.roll('1d20 + 3', { label: 'Attack' });
        return { label: 'Attack', total: real.total, rolls: [real] };
      },
    },
    /** A real roll whose text claims a natural 20. */
    retexted: {
      roll: (ctx) => {
        const real = ctx.dice.roll('1d20');
        return { label: 'Check', total: real.total, rolls: [{ ...real, text: '1d20 [20] = 20' }] };
      },
    },
    /** Tries to reuse an id drawn in an earlier call. */
    replayed: {
      roll: (ctx) => ({ label: 'Replay', total: 0, rolls: [{ ...fake, id: String(ctx.args) }] }),
    },
  },
  chatCommands: {
    /** Says a message with an invented roll. */
    crit: { run: (ctx) => ctx.say('Natural 20!', { roll: fake }) },
    /** Says an invented roll card in its data only. */
    card: {
      run: (ctx) =>
        ctx.say('Attack: 20', {
          data: { outcome: { total: 20, rolls: [fake] } } as unknown as JsonValue,
        }),
    },
  },
  macros: {
    /** Tries to reveal the dice session's seed on the GM's behalf. */
    reveal: { run: (ctx) => ctx.act('core:end-session' as never, {} as never) },
  },
});
