/**
 * An item as a non-GM viewer sees it. An item follows its actor: whoever
 * sees the actor's data (`observer` or `owner`) sees its items, without the
 * fields the item type declares GM-only (and, for observers, owner-only)
 * and the module flags declared hidden from them. Library items
 * (`actorId: null`) and the items of actors seen at `limited` or not at all
 * are not seen.
 */
import type { Actor, Item, Member } from '../model/documents.js';
import type { VisibilityPolicy } from '../model/visibility-policy.js';
import { actorLevel } from '../permissions/ownership.js';
import { redactData } from './redact-actor.js';
import { viewFlags } from './redact-flags.js';

/**
 * What `member` sees of `item`, whose actor is `actor` (`undefined` when it
 * is in the library or its actor is gone), under `policy`: the item itself
 * for GMs and whenever nothing is hidden, a redacted copy otherwise,
 * `undefined` when it is not seen at all.
 *
 * @example
 * viewItem(sword, state.actors.get(sword.actorId), player, state.campaign.visibility)?.data;
 */
export function viewItem(
  item: Item,
  actor: Actor | undefined,
  member: Member,
  policy: VisibilityPolicy | undefined,
): Item | undefined {
  if (member.role === 'gm') return item;
  if (actor === undefined) return undefined;
  const level = actorLevel(actor, member);
  if (level === 'none' || level === 'limited') return undefined;
  const owner = level === 'owner';
  const types = policy?.itemTypes;
  const node =
    types !== undefined && Object.hasOwn(types, item.type) ? types[item.type] : undefined;
  const data = node === undefined ? item.data : (redactData(item.data, node, owner) ?? null);
  const flags = viewFlags(item.flags, policy, owner);
  return data === item.data && flags === item.flags ? item : { ...item, data, flags };
}
