/**
 * Chosen ids in the random steps of the property tests. Only GMs may choose
 * the id of a new document (`VTT_ERR_DOCUMENT_ID_GM_ONLY`), so a player's or
 * observer's create is sent without the pool id it was generated with; the
 * pool id becomes the step's `name`, and {@link runSteps} sends later uses of
 * it to the id the server chose, so steps on that document keep reaching it.
 */
import type { TableAction } from '../src/actions/action-types.js';
import { USERS } from './table-fixture.js';

/** A random step: who sends which action, and the pool id a non-GM's create was named by. */
export interface NamedStep {
  readonly userId: string;
  readonly action: TableAction;
  /** The pool id the create was generated with, which the user may not send. */
  readonly name?: string;
}

/** The id `action` chooses for the document it creates, if any (creates name it `id`). */
export function chosenId(action: unknown): string | undefined {
  const payload = (action as { payload?: unknown }).payload;
  if (typeof payload !== 'object' || payload === null) return undefined;
  const id = (payload as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * `step` as its user may send it: a GM's unchanged, anyone else's create
 * without its `id`, which becomes the step's `name`.
 */
export function asSent(step: { userId: string; action: TableAction }): NamedStep {
  const name = chosenId(step.action);
  if (step.userId === USERS.gm || name === undefined) return step;
  const { id: _id, ...payload } = step.action.payload as { id: string };
  return { userId: step.userId, action: { ...step.action, payload } as TableAction, name };
}

/**
 * `action` with every pool id in `names` replaced by the id the server gave
 * the document created under it; the id a GM's create chooses is kept.
 */
export function resolveNames(action: unknown, names: ReadonlyMap<string, string>): unknown {
  if (names.size === 0) return action;
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') return names.get(value) ?? value;
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  };
  const { payload } = action as { payload?: unknown };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return action;
  const resolved = Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, k === 'id' ? v : resolve(v)]),
  );
  return { ...(action as object), payload: resolved };
}
