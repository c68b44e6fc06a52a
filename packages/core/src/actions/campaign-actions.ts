/** Deciding campaign and membership actions. */
import { defineActionHandlers } from './action-handler.js';

/** Handlers of `core:update-campaign`, `core:set-member` and `core:remove-member`. */
export const CAMPAIGN_ACTIONS = defineActionHandlers({
  'core:update-campaign': ({ payload }) => [
    { type: 'core:campaign-updated', payload: { patch: payload } },
  ],
  'core:set-member': ({ payload }) => [
    {
      type: 'core:member-set',
      payload: { member: { id: payload.userId, name: payload.name, role: payload.role } },
    },
  ],
  'core:remove-member': ({ payload }) => [{ type: 'core:member-removed', payload }],
});
