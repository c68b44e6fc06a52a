import { defineErrors } from './error-spec.js';

/** Error codes of table actions, documents, permissions and undo (`VTT_ERR_ACTION_*`, `VTT_ERR_PERMISSION_*`, ...). */
export const TABLE_ERRORS = defineErrors({});
