import { defineErrors } from './error-spec.js';

/** Error codes of the module sandbox (`VTT_ERR_SANDBOX_*`). */
export const SANDBOX_ERRORS = defineErrors({});
