/** The @vtt/core types the SDK's public API is written in, in one place. */
export type {
  ActiveEffect,
  Actor,
  GuestUser,
  Item,
  JsonValue,
  RollOutcome,
  RollResult,
  TableActionMap,
  TableActionType,
  TableDocs,
} from '@vtt/core';

/** Options of `ctx.dice.roll`. */
export interface RollOptionsForGuest {
  /** Replaces the notation in the result's text, e.g. `'Attack'`. */
  readonly label?: string;
}
