/** The shape of the per-action code that decides which events an action causes. */
import type { TableActionMap, TableActionType } from './action-types.js';
import type { Member } from '../model/documents.js';
import type { EventDraft } from '../events/event-types.js';
import type { TableState } from '../model/state.js';
import type { Rng } from '../random/rng.js';
import type { CompendiumLookup } from './import-actions.js';

/** What an action handler gets. */
export interface DecideContext<P> {
  readonly state: TableState;
  /** The member who sent the action. */
  readonly member: Member;
  readonly payload: P;
  /** Server time in ms, injected. */
  readonly now: number;
  /** The table's dice generator, created on first use; put `rng().state()` into the rolling draft. */
  readonly rng: () => Rng;
  /** A fresh secret seed from the host, for `core:start-session`; undefined when none was given. */
  readonly seed: string | undefined;
  /** The host's pack entries, for `core:import-compendium`; undefined when it has none. */
  readonly compendium: CompendiumLookup | undefined;
  /**
   * `wanted` if free (else `VTT_ERR_DOCUMENT_EXISTS`), or a fresh id with
   * `prefix`. Only a GM may want an id (`VTT_ERR_DOCUMENT_ID_GM_ONLY`): a
   * player's would collide with documents hidden from them and so reveal them.
   */
  readonly newId: (
    taken: (id: string) => boolean,
    prefix: string,
    wanted: string | undefined,
    collection: string,
  ) => string;
}

/** Decides the events of one action type; throws VttError to reject it. */
export type ActionHandler<P> = (ctx: DecideContext<P>) => EventDraft[];

/** A table of action handlers, type-checked against their payloads. */
export type ActionHandlers<K extends TableActionType> = {
  readonly [T in K]: ActionHandler<TableActionMap[T]>;
};

/**
 * Identity helper that type-checks one area's action handlers.
 *
 * @example
 * export const NOTE_ACTIONS = defineActionHandlers({ 'core:delete-note': ({ payload }) => [...] });
 */
export function defineActionHandlers<K extends TableActionType>(
  table: ActionHandlers<K>,
): ActionHandlers<K> {
  return table;
}

/** Copies the defined (not `undefined`) fields of `source` listed in `keys`. */
export function pick<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
