/**
 * `@vtt/sdk/guest`: the runtime bundled into every module, which the host
 * calls inside the sandbox. Module authors do not import it themselves; the
 * bundler adds it.
 */
export { createGuestEntry } from './create-guest-entry.js';
export type { GuestEntry } from './create-guest-entry.js';
