/** Event handlers of actors: created, updated, deleted. */
import { ref } from '../model/doc-refs.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustExist } from './helpers.js';
import { removalChanges, removeDocs } from './links.js';

const actorRef = (id: string) => [ref('actors', id)];

/** Handlers of the `core:actor-*` events. A deleted actor's tokens and combatants keep `actorId: null`. */
export const ACTOR_EVENTS = defineEventHandlers({
  'core:actor-created': {
    apply: ({ docs, payload }) => ({
      actors: docs.actors.set(payload.actor.id, payload.actor),
    }),
    changes: ({ payload }) => actorRef(payload.actor.id),
    check: ({ state, payload }) => mustBeFree(state.actors, 'actors', payload.actor.id),
    undoable: true,
  },
  'core:actor-updated': {
    apply: ({ docs, payload }) => {
      const actor = docs.actors.get(payload.actorId);
      if (actor === undefined) return {};
      return { actors: docs.actors.set(actor.id, applyPatch(actor, payload.patch)) };
    },
    changes: ({ payload }) => actorRef(payload.actorId),
    check: ({ state, payload }) => void mustExist(state.actors, 'actors', payload.actorId),
    undoable: true,
  },
  'core:actor-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, actorRef(payload.actorId)),
    changes: ({ docs, payload }) => removalChanges(docs, actorRef(payload.actorId)),
    checked: ({ payload }) => actorRef(payload.actorId),
    check: ({ state, payload }) => void mustExist(state.actors, 'actors', payload.actorId),
    undoable: true,
  },
});
