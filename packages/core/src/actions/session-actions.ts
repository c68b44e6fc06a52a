/** Deciding dice-session actions: start (with the host's fresh seed) and end (reveal). */
import { VttError } from '../errors/vtt-error.js';
import type { EventDraft } from '../events/event-types.js';
import { createRng, normalizeSeed, seedCommitment } from '../random/rng.js';
import type { DecideContext } from './action-handler.js';
import { defineActionHandlers } from './action-handler.js';

/** The reveal of the running session, or nothing when it already ended. */
function endDraft(ctx: DecideContext<unknown>): EventDraft[] {
  const { dice } = ctx.state.campaign;
  if (dice.seed !== null) return [];
  const seed = ctx.state.rng.seed;
  return [
    {
      type: 'core:dice-session-ended',
      payload: { session: dice.session, commitment: dice.commitment, seed },
      server: { rng: { ...ctx.state.rng, revealed: true } },
    },
  ];
}

/** Handlers of `core:start-session` and `core:end-session` (GM only: see the events). */
export const SESSION_ACTIONS = defineActionHandlers({
  'core:start-session': (ctx) => {
    if (ctx.seed === undefined) throw new VttError('VTT_ERR_SESSION_SEED_REQUIRED', {});
    const seed = normalizeSeed(ctx.seed);
    return [
      ...endDraft(ctx),
      {
        type: 'core:dice-session-started',
        payload: { session: ctx.state.campaign.dice.session + 1, commitment: seedCommitment(seed) },
        server: { rng: createRng(seed).state() },
      },
    ];
  },
  'core:end-session': (ctx) => endDraft(ctx),
});
