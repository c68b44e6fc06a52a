/**
 * Names for the @vtt/sdk types this module works with. The SDK's public API
 * exposes them only through its context types, so they are derived here once.
 */
import type { DiceApi, ModuleContext, RollOutcome } from '@vtt/sdk';

/** An actor of the table. */
export type Actor = NonNullable<ReturnType<ModuleContext['actor']>>;
/** The table's documents as the module sees them. */
export type TableDocs = ModuleContext['state'];
/** A rolled dice expression. */
export type RollResult = ReturnType<DiceApi['roll']>;
/** Any JSON value (what crosses the sandbox boundary). */
export type JsonValue = Exclude<RollOutcome['data'], undefined>;
