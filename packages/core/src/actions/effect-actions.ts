/**
 * Deciding effect and clock actions: add and remove an effect, advance the
 * in-world clock; and the chat notices of effects wearing off.
 */
import type { ActiveEffect, EffectDuration } from '../model/documents.js';
import { clockOf, effectsOf } from '../model/effects.js';
import type { TableState } from '../model/state.js';
import type { EventDraft, PostedMessage } from '../events/event-types.js';
import { clockTicks } from '../events/effect-ticks.js';
import { viewDoc } from '../views/visibility.js';
import type { AddEffectDuration } from './action-types.js';
import { defineActionHandlers, type DecideContext } from './action-handler.js';

/** The stored duration of a requested one: `seconds` from now become an `until` on the clock. */
function durationOf(state: TableState, d: AddEffectDuration): EffectDuration {
  switch (d.unit) {
    case 'rounds':
      return { unit: 'rounds', remaining: d.rounds, tick: d.tick ?? 'turn-start' };
    case 'seconds':
      return { unit: 'seconds', until: clockOf(state) + d.seconds };
    case 'permanent':
      return { unit: 'permanent' };
  }
}

/** The name of an effect's target in chat: its token's or actor's name. */
function targetName(state: TableState, effect: ActiveEffect): string {
  const doc =
    effect.target.collection === 'tokens'
      ? state.tokens.get(effect.target.id)
      : state.actors.get(effect.target.id);
  return doc?.name ?? effect.target.id;
}

/**
 * Who is told that `effect` wore off: everyone when every member sees it,
 * else the members who do (GMs always): a notice names only what its
 * readers may see. A hidden effect's notice goes to GMs only.
 */
function recipients(state: TableState, effect: ActiveEffect): string[] {
  const members = [...state.members.values()];
  const gms = members.filter((m) => m.role === 'gm').map((m) => m.id);
  const seeing = members.filter(
    (m) => m.role !== 'gm' && viewDoc(state, { collection: 'effects', id: effect.id }, m),
  );
  if (seeing.length === members.length - gms.length) return [];
  return [...gms, ...seeing.map((m) => m.id)];
}

/**
 * The `core:message-posted` drafts, authored by `'core'`, saying that each
 * of `expired` wore off ("Blessed on Aria wore off"), to follow `before`
 * other events of the batch. `state` is the table before the batch.
 *
 * @example
 * [...turnDrafts, ...expiryNotices(ctx, ticks.expired, 1)]
 */
export function expiryNotices(
  ctx: DecideContext<unknown>,
  expired: readonly ActiveEffect[],
  before: number,
): EventDraft<'core:message-posted'>[] {
  const { state } = ctx;
  const limit = Math.max(1, state.campaign.settings.chatLimit);
  const seqs = state.chat.map((m) => m.seq);
  return [...expired]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((effect, i) => {
      seqs.push(state.seq + before + i + 1);
      const dropBefore = seqs.length > limit ? seqs[seqs.length - limit]! : 0;
      const message: PostedMessage = {
        id: ctx.newId((id) => state.chat.some((m) => m.id === id), 'msg', undefined, 'chat'),
        text: `${effect.label} on ${targetName(state, effect)} wore off`,
        roll: null,
        whisper: recipients(state, effect),
        blind: false,
        speaker: null,
        flags: {},
      };
      return { type: 'core:message-posted', payload: { message, dropBefore, author: 'core' } };
    });
}

/** Handlers of `core:add-effect`, `core:remove-effect` and `core:advance-time`. */
export const EFFECT_ACTIONS = defineActionHandlers({
  'core:add-effect': ({ state, payload: p, newId }) => [
    {
      type: 'core:effect-added',
      payload: {
        effect: {
          id: newId((id) => effectsOf(state).has(id), 'fx', p.id, 'effects'),
          target: p.target,
          label: p.label,
          icon: p.icon ?? null,
          statuses: p.statuses ?? [],
          origin: p.origin ?? null,
          duration: durationOf(state, p.duration),
          hidden: p.hidden ?? false,
          flags: p.flags ?? {},
        },
      },
    },
  ],
  'core:remove-effect': ({ payload }) => [{ type: 'core:effect-removed', payload }],
  'core:advance-time': (ctx) => [
    { type: 'core:time-advanced', payload: { seconds: ctx.payload.seconds } },
    ...expiryNotices(ctx, clockTicks(ctx.state, ctx.payload.seconds).expired, 1),
  ],
});
