/** Event handlers of the dice session: its commitment at the start, its seed at the end. */
import { VttError } from '../errors/vtt-error.js';
import { ref } from '../model/doc-refs.js';
import type { Member } from '../model/documents.js';
import { defineEventHandlers } from './event-handler.js';

function gmOnly(member: Member, what: string): void {
  if (member.role !== 'gm') {
    throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', { collection: 'campaign', what });
  }
}

/** Handlers of `core:dice-session-started` and `core:dice-session-ended`. */
export const SESSION_EVENTS = defineEventHandlers({
  'core:dice-session-started': {
    apply: ({ docs, payload }) => ({
      campaign: {
        ...docs.campaign,
        dice: { session: payload.session, commitment: payload.commitment, seed: null },
      },
    }),
    changes: () => [ref('campaign', 'campaign')],
    permit: ({ member }) => gmOnly(member, 'start a dice session'),
    undoable: false,
  },
  'core:dice-session-ended': {
    apply: ({ docs, payload }) => ({
      campaign: {
        ...docs.campaign,
        dice: { session: payload.session, commitment: payload.commitment, seed: payload.seed },
      },
    }),
    changes: () => [ref('campaign', 'campaign')],
    permit: ({ member }) => gmOnly(member, 'end a dice session'),
    undoable: false,
  },
});
