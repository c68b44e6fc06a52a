/** The @vtt/sdk types this module works with, in one place. */
export type { Actor, Item, JsonValue, RollResult, TableDocs } from '@vtt/sdk';
