import { defineErrors } from './error-spec.js';

/**
 * Error codes of combat history and statistics (`GET /api/campaigns/:id/combats...`)
 * and of the manifest's `combat` declaration they read.
 */
export const COMBAT_ERRORS = defineErrors({
  VTT_ERR_COMBAT_NOT_FOUND: {
    message: 'There is no combat {id} in this campaign.',
    fix: "List the campaign's combats with GET /api/campaigns/:id/combats and use one of their ids.",
    status: 404,
  },
  VTT_ERR_COMBAT_HEALTH_PATH_UNKNOWN: {
    message:
      "{pointer} points to '{path}', which the data schema of actor type '{type}' does not define.",
    fix: 'Correct the path{suggestion}, list in "actorTypes" only the actor types that have it, or add the property to the schema.',
    status: 422,
  },
  VTT_ERR_COMBAT_HEALTH_PATH_NOT_NUMBER: {
    message:
      "{pointer}: '{path}' of actor type '{type}' is {actual}; combat statistics count changes of a number.",
    fix: 'Point the path at an "integer" or "number" property (e.g. "/hp/value", not "/hp").',
    status: 422,
  },
});
