/** Event handlers of tokens: created, moved, updated, deleted. */
import { ref } from '../model/doc-refs.js';
import type { Token } from '../model/documents.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustExist } from './helpers.js';
import { removalChanges, removeDocs } from './links.js';

const tokenRef = (id: string) => [ref('tokens', id)];

/** Handlers of the `core:token-*` events. A deleted token's combatants leave the combat. */
export const TOKEN_EVENTS = defineEventHandlers({
  'core:token-created': {
    apply: ({ docs, payload }) => ({
      tokens: { ...docs.tokens, [payload.token.id]: payload.token },
    }),
    changes: ({ payload }) => tokenRef(payload.token.id),
    check: ({ state, payload: { token } }) => {
      mustBeFree(state.tokens, 'tokens', token.id);
      mustExist(state.scenes, 'scenes', token.sceneId);
      if (token.actorId !== null) mustExist(state.actors, 'actors', token.actorId);
    },
    undoable: true,
  },
  'core:token-moved': {
    apply: ({ docs, payload }) => {
      const token = docs.tokens[payload.tokenId];
      if (token === undefined) return {};
      const moved: Token = {
        ...token,
        x: payload.x,
        y: payload.y,
        elevation: payload.elevation ?? token.elevation,
      };
      return { tokens: { ...docs.tokens, [token.id]: moved } };
    },
    changes: ({ payload }) => tokenRef(payload.tokenId),
    check: ({ state, payload }) => void mustExist(state.tokens, 'tokens', payload.tokenId),
    undoable: true,
  },
  'core:token-updated': {
    apply: ({ docs, payload }) => {
      const token = docs.tokens[payload.tokenId];
      if (token === undefined) return {};
      return { tokens: { ...docs.tokens, [token.id]: applyPatch(token, payload.patch) } };
    },
    changes: ({ payload }) => tokenRef(payload.tokenId),
    check: ({ state, payload: { tokenId, patch } }) => {
      mustExist(state.tokens, 'tokens', tokenId);
      if (patch.sceneId !== undefined) mustExist(state.scenes, 'scenes', patch.sceneId);
      if (patch.actorId != null) mustExist(state.actors, 'actors', patch.actorId);
    },
    undoable: true,
  },
  'core:token-deleted': {
    apply: ({ docs, payload }) => removeDocs(docs, tokenRef(payload.tokenId)),
    changes: ({ docs, payload }) => removalChanges(docs, tokenRef(payload.tokenId)),
    checked: ({ payload }) => tokenRef(payload.tokenId),
    check: ({ state, payload }) => void mustExist(state.tokens, 'tokens', payload.tokenId),
    undoable: true,
  },
});
