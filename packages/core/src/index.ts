/**
 * @vtt/core: the system-agnostic table engine.
 *
 * Everything here runs unchanged in Node, in the browser and inside QuickJS.
 * Each section below is owned by one area; add exports to your own section.
 */

// --- errors -----------------------------------------------------------------
export { ERROR_CODES } from './errors/codes.js';
export type { ErrorCode } from './errors/codes.js';
export { defineErrors } from './errors/error-spec.js';
export type { ErrorSpec } from './errors/error-spec.js';
export { VttError, formatErrorMessage, isVttError } from './errors/vtt-error.js';
export type { ErrorParams } from './errors/vtt-error.js';

// --- random -----------------------------------------------------------------
export { createRng } from './random/rng.js';
export type { Rng, RngState } from './random/rng.js';

// --- dice -------------------------------------------------------------------

// --- table model: documents, actions, events, reducer -----------------------

// --- permissions, views and undo --------------------------------------------

/** The version of the core API that modules declare in their `engine` range. */
export const CORE_API_VERSION = '0.1.0';
