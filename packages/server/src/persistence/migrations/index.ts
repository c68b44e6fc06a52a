/** The numbered migrations, in order. Add `0002-....ts` with `up`/`down` and list it here. */
import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as apiTokens from './0002-api-tokens.js';
import * as registry from './0003-registry.js';

/** Every migration by name; Kysely runs them in name order. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-api-tokens': apiTokens,
  '0003-registry': registry,
};
