/** Event handlers of the campaign document and its members. */
import { VttError } from '../errors/vtt-error.js';
import { putOrRemove, ref } from '../model/doc-refs.js';
import type { Member } from '../model/documents.js';
import type { TableState } from '../model/state.js';
import { defineEventHandlers } from './event-handler.js';
import { applyPatch, mustExist } from './helpers.js';
import { viewFor } from '../views/view-for.js';

function mustKeepAGm(state: TableState, userId: string, next: Member | null): void {
  if (state.members.get(userId)?.role !== 'gm' || next?.role === 'gm') return;
  const gms = [...state.members.values()].filter((m) => m.role === 'gm').length;
  if (gms <= 1) throw new VttError('VTT_ERR_PERMISSION_LAST_GM', { userId });
}

/**
 * Handlers of `core:campaign-updated`, `core:member-set`, `core:member-removed`
 * and `core:visibility-set`.
 */
export const CAMPAIGN_EVENTS = defineEventHandlers({
  'core:campaign-updated': {
    apply: ({ docs, payload: { patch } }) => {
      const campaign = applyPatch(docs.campaign, patch);
      return {
        campaign: patch.settings
          ? { ...campaign, settings: { ...docs.campaign.settings, ...patch.settings } }
          : campaign,
      };
    },
    changes: () => [ref('campaign', 'campaign')],
    undoable: true,
  },
  'core:member-set': {
    apply: ({ docs, payload }) => ({
      members: docs.members.set(payload.member.id, payload.member),
    }),
    changes: ({ payload }) => [ref('members', payload.member.id)],
    check: ({ state, payload }) => mustKeepAGm(state, payload.member.id, payload.member),
    permit: ({ state, member, payload }) => {
      if (member.role === 'gm') return;
      const current = state.members.get(payload.member.id);
      const ownName = payload.member.id === member.id && current?.role === payload.member.role;
      if (!ownName)
        throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', {
          collection: 'members',
          what: 'set a member',
        });
    },
    undoable: false,
  },
  'core:member-removed': {
    apply: ({ docs, payload }) => ({ members: putOrRemove(docs.members, payload.userId, null) }),
    changes: ({ payload }) => [ref('members', payload.userId)],
    check: ({ state, payload }) => {
      mustExist(state.members, 'members', payload.userId);
      mustKeepAGm(state, payload.userId, null);
    },
    permit: ({ member }) => {
      if (member.role !== 'gm') {
        throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', {
          collection: 'members',
          what: 'remove a member',
        });
      }
    },
    undoable: false,
  },
  'core:visibility-set': {
    apply: ({ docs, payload: { policy } }) => {
      const { visibility: _old, ...campaign } = docs.campaign;
      return { campaign: policy === null ? campaign : { ...campaign, visibility: policy } };
    },
    changes: () => [ref('campaign', 'campaign')],
    // No action produces it: module hosts commit it when they load a table's modules.
    permit: ({ member }) => {
      if (member.role !== 'gm') {
        throw new VttError('VTT_ERR_PERMISSION_GM_ONLY', {
          collection: 'campaign',
          what: 'set the visibility policy',
        });
      }
    },
    // A new policy can change every document a player sees: they get a new view.
    project: ({ after, member, event }) => [
      { ...event, type: 'core:view-replaced', payload: { view: viewFor(after, member.id) } },
    ],
    undoable: false,
  },
});
