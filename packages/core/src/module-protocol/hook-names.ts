/**
 * The names a module may hook: before-hooks on core action types,
 * after-hooks on core event types. Used by the host when it loads a module,
 * by `validateManifest` for declared capabilities and by `vtt validate`.
 */
import { ACTION_HANDLERS } from '../actions/registry.js';
import { closestMatch } from '../manifest/closest-match.js';
import type { TableActionType } from '../actions/action-types.js';
import type { TableEventType } from '../events/event-types.js';
import { EVENT_HANDLERS } from '../events/registry.js';

/** Every core action type, e.g. `'core:move-token'`. */
export const CORE_ACTION_TYPES: readonly TableActionType[] = Object.freeze(
  Object.keys(ACTION_HANDLERS) as TableActionType[],
);

/** Every core event type, e.g. `'core:token-moved'`. */
export const CORE_EVENT_TYPES: readonly TableEventType[] = Object.freeze(
  Object.keys(EVENT_HANDLERS) as TableEventType[],
);

/** The two kinds of hook: `before` a core action is decided, `after` an event is committed. */
export type HookPhase = 'before' | 'after';

/** Why a hook name is refused: what kind of name it needs, and the closest real one. */
export interface UnknownHook {
  readonly phase: HookPhase;
  readonly name: string;
  /** `'action'` for before-hooks, `'event'` for after-hooks. */
  readonly kind: 'action' | 'event';
  /** The closest core name, when one is close enough to be a typo. */
  readonly suggestion?: string;
}

/**
 * Checks that `name` is a core action type (`before`) or event type
 * (`after`). Returns undefined when it is, else what is wrong with a
 * did-you-mean suggestion.
 *
 * @example
 * unknownHook('before', 'core:move-tokn'); // { kind: 'action', suggestion: 'core:move-token', ... }
 * unknownHook('after', 'core:token-moved'); // undefined
 */
export function unknownHook(phase: HookPhase, name: string): UnknownHook | undefined {
  const names: readonly string[] = phase === 'before' ? CORE_ACTION_TYPES : CORE_EVENT_TYPES;
  if (names.includes(name)) return undefined;
  const kind = phase === 'before' ? 'action' : 'event';
  const suggestion = closestMatch(name, names);
  return suggestion === undefined ? { phase, name, kind } : { phase, name, kind, suggestion };
}
