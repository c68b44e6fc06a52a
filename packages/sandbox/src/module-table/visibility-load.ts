/**
 * The table's visibility policy at load: what the modules' manifests
 * declare hidden (actor and item fields, module flags), committed as
 * `core:visibility-set` so that the server's projection, snapshots, replays
 * and every client replica use the same policy.
 */
import {
  commit,
  compileVisibilityPolicy,
  deepEqual,
  type ModuleManifest,
  type TableEvent,
  type TableState,
  type VisibilityPolicy,
} from '@vtt/core';

const isEmpty = (policy: VisibilityPolicy): boolean =>
  Object.keys(policy.actorTypes).length === 0 &&
  Object.keys(policy.itemTypes ?? {}).length === 0 &&
  Object.keys(policy.flags).length === 0;

/**
 * `state` with the policy of `manifests` (validated; the system first), and
 * the event that set it; no event when the state already has that policy.
 * The event is authored by the campaign's first GM, as the GM enabled the
 * modules; no action produces it, so no player can change the policy.
 *
 * @example
 * const { state, events } = withModulePolicy(options.state, manifests, clock());
 */
export function withModulePolicy(
  state: TableState,
  manifests: readonly ModuleManifest[],
  now: number,
): { state: TableState; events: TableEvent[] } {
  const compiled = compileVisibilityPolicy(manifests);
  const policy = isEmpty(compiled) ? null : compiled;
  if (deepEqual(state.campaign.visibility ?? null, policy)) return { state, events: [] };
  const gm = [...state.members.values()].find((m) => m.role === 'gm');
  if (gm === undefined) return { state, events: [] };
  return commit(state, [{ type: 'core:visibility-set', payload: { policy } }], {
    author: gm.id,
    now,
  });
}
