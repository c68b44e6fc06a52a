/** Event handlers of tokens: created, moved, updated, deleted. */
import { ref } from '../model/doc-refs.js';
import type { Combat, Token } from '../model/documents.js';
import type { Patch } from './event-types.js';
import type { TableDocs } from '../model/state.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustBeFree, mustExist } from './helpers.js';
import { combatantsFollow, removalChanges, removeDocs } from './links.js';

const tokenRef = (id: string) => [ref('tokens', id)];

/** The combat with the token's combatants following a new `actorId` of the token, if any does. */
function followers(docs: TableDocs, token: Token, patch: Patch<Token>): Combat | undefined {
  if (patch.actorId === undefined) return undefined;
  return combatantsFollow(docs.combat, token.id, token.actorId, patch.actorId);
}

/** Handlers of the `core:token-*` events. A deleted token's combatants leave the combat. */
export const TOKEN_EVENTS = defineEventHandlers({
  'core:token-created': {
    apply: ({ docs, payload }) => ({
      tokens: docs.tokens.set(payload.token.id, payload.token),
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
      const token = docs.tokens.get(payload.tokenId);
      if (token === undefined) return {};
      const moved: Token = {
        ...token,
        x: payload.x,
        y: payload.y,
        elevation: payload.elevation ?? token.elevation,
      };
      return { tokens: docs.tokens.set(token.id, moved) };
    },
    changes: ({ payload }) => tokenRef(payload.tokenId),
    check: ({ state, payload }) => void mustExist(state.tokens, 'tokens', payload.tokenId),
    undoable: true,
  },
  'core:token-updated': {
    apply: ({ docs, payload }) => {
      const token = docs.tokens.get(payload.tokenId);
      if (token === undefined) return {};
      const tokens = docs.tokens.set(token.id, applyPatch(token, payload.patch));
      const combat = followers(docs, token, payload.patch);
      return combat === undefined ? { tokens } : { tokens, combat };
    },
    changes: ({ docs, payload }) => {
      const token = docs.tokens.get(payload.tokenId);
      const moved = token !== undefined && followers(docs, token, payload.patch) !== undefined;
      return moved
        ? [...tokenRef(payload.tokenId), ref('combat', 'combat')]
        : tokenRef(payload.tokenId);
    },
    checked: ({ payload }) => tokenRef(payload.tokenId),
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
