/** Event handlers of effects and the in-world clock: added, removed, time advanced. */
import { VttError } from '../errors/vtt-error.js';
import { getDoc, ref } from '../model/doc-refs.js';
import type { ActiveEffect } from '../model/documents.js';
import { effectsOf } from '../model/effects.js';
import { defineEventHandlers } from './event-handler.js';
import { clockTicks, withClock, withTicks } from './effect-ticks.js';

const effectRef = (id: string) => [ref('effects', id)];
const campaignRef = () => [ref('campaign', 'campaign')];

/** Throws `VTT_ERR_DOCUMENT_NOT_FOUND` unless the actor or token `effect` is on exists. */
export function mustHaveTarget(docs: Parameters<typeof getDoc>[0], effect: ActiveEffect): void {
  if (getDoc(docs, effect.target) === undefined) {
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { ...effect.target });
  }
}

/** Handlers of `core:effect-added`, `core:effect-removed` and `core:time-advanced`. */
export const EFFECT_EVENTS = defineEventHandlers({
  'core:effect-added': {
    apply: ({ docs, payload: { effect } }) => ({
      effects: effectsOf(docs).set(effect.id, effect),
    }),
    changes: ({ payload }) => effectRef(payload.effect.id),
    check: ({ state, payload: { effect } }) => {
      if (effectsOf(state).has(effect.id)) {
        throw new VttError('VTT_ERR_DOCUMENT_EXISTS', { collection: 'effects', id: effect.id });
      }
      mustHaveTarget(state, effect);
    },
    undoable: true,
  },
  'core:effect-removed': {
    apply: ({ docs, payload }) => ({ effects: effectsOf(docs).delete(payload.effectId) }),
    changes: ({ payload }) => effectRef(payload.effectId),
    check: ({ state, payload }) => {
      if (!effectsOf(state).has(payload.effectId)) {
        throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
          collection: 'effects',
          id: payload.effectId,
        });
      }
    },
    undoable: true,
  },
  'core:time-advanced': {
    apply: ({ docs, payload }) => {
      const ticks = clockTicks(docs, payload.seconds);
      const effects = withTicks(effectsOf(docs), ticks);
      return { campaign: withClock(docs.campaign, ticks.clock), effects };
    },
    changes: ({ docs, payload }) => [
      ...campaignRef(),
      ...clockTicks(docs, payload.seconds).expired.map((e) => ref('effects', e.id)),
    ],
    // The clock is the campaign's: GMs only. What it expires follows.
    checked: campaignRef,
    undoable: false,
  },
});
