import { ARCHIVE_ERRORS } from './archive-codes.js';
import { BACKUP_ERRORS } from './backup-codes.js';
import { CLI_ERRORS } from './cli-codes.js';
import { COMBAT_ERRORS } from './combat-codes.js';
import { COMPENDIUM_ERRORS } from './compendium-codes.js';
import { DEV_ERRORS } from './dev-codes.js';
import { DICE_ERRORS } from './dice-codes.js';
import type { ErrorSpec } from './error-spec.js';
import { ITEM_ERRORS } from './item-codes.js';
import { MODULE_ERRORS } from './module-codes.js';
import { MODULE_RUNTIME_ERRORS } from './module-runtime-codes.js';
import { PROJECT_ERRORS } from './project-codes.js';
import { REGISTRY_ERRORS } from './registry-codes.js';
import { ROLL_TABLE_ERRORS } from './roll-table-codes.js';
import { SANDBOX_ERRORS } from './sandbox-codes.js';
import { SERVER_ERRORS } from './server-codes.js';
import { TABLE_ERRORS } from './table-codes.js';

/**
 * The one table of every error code the engine can raise, merged from each
 * area's table. `docs/reference/errors.md` is generated from it
 * (`npm run docs:errors`).
 */
export const ERROR_CODES = {
  ...DICE_ERRORS,
  ...TABLE_ERRORS,
  ...ITEM_ERRORS,
  ...ROLL_TABLE_ERRORS,
  ...SANDBOX_ERRORS,
  ...MODULE_ERRORS,
  ...MODULE_RUNTIME_ERRORS,
  ...COMPENDIUM_ERRORS,
  ...ARCHIVE_ERRORS,
  ...PROJECT_ERRORS,
  ...CLI_ERRORS,
  ...SERVER_ERRORS,
  ...BACKUP_ERRORS,
  ...REGISTRY_ERRORS,
  ...DEV_ERRORS,
  ...COMBAT_ERRORS,
} as const satisfies Record<string, ErrorSpec>;

/** Any error code of the engine, e.g. `'VTT_ERR_DICE_SYNTAX'`. */
export type ErrorCode = keyof typeof ERROR_CODES;
