/** Deciding chat actions: send (with an optional roll), delete. */
import { drawRoll } from '../dice/index.js';
import type { RollResult } from '../dice/index.js';
import type { VerifiedRolls } from '../model/documents.js';
import type { EventDraft, PostedMessage } from '../events/event-types.js';
import type { Flags } from '../model/json.js';
import { defineActionHandlers, type DecideContext } from './action-handler.js';

/**
 * The `core:message-posted` draft of a new message, with the `dropBefore`
 * that keeps `campaign.settings.chatLimit` messages in state.
 */
export function messageDraft(
  ctx: DecideContext<unknown>,
  fields: {
    text: string;
    roll?: RollResult | null;
    whisper?: readonly string[];
    blind?: boolean;
    speaker?: string | null;
    flags?: Flags;
    /** Only the host's own code passes this (core's rolls, checked module rolls). */
    verified?: VerifiedRolls;
  },
): EventDraft<'core:message-posted'> {
  const { state } = ctx;
  const chat = state.chat;
  const limit = Math.max(1, state.campaign.settings.chatLimit);
  const dropBefore =
    chat.length + 1 > limit ? (chat[chat.length + 1 - limit]?.seq ?? state.seq + 1) : 0;
  const message: PostedMessage = {
    id: ctx.newId((id) => chat.some((m) => m.id === id), 'msg', undefined, 'chat'),
    text: fields.text,
    roll: fields.roll ?? null,
    whisper: [...new Set(fields.whisper ?? [])],
    blind: fields.blind ?? false,
    speaker: fields.speaker ?? null,
    flags: fields.flags ?? {},
    ...(fields.verified ? { verified: fields.verified } : {}),
  };
  return { type: 'core:message-posted', payload: { message, dropBefore } };
}

/** Handlers of `core:send-message` and `core:delete-message`. */
export const CHAT_ACTIONS = defineActionHandlers({
  'core:send-message': (ctx) => {
    // A user's flags pass through, but never `verified`: a module card forged
    // with `flags.<module>.outcome` shows as unverified text.
    const p = ctx.payload;
    if (p.roll === undefined) return [messageDraft(ctx, { ...p, roll: null })];
    const { result, record } = drawRoll(ctx.rng(), p.roll);
    const verified = { by: 'core', rolls: [record] };
    return [
      {
        ...messageDraft(ctx, { ...p, roll: result, verified }),
        server: { rng: ctx.rng().state() },
      },
    ];
  },
  'core:delete-message': ({ payload }) => [{ type: 'core:message-deleted', payload }],
});
