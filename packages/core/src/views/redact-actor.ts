/**
 * An actor as a non-GM viewer sees it: `limited` viewers get its name, type,
 * image and ownership without data or flags; observers and owners get its
 * data without the fields the system declares GM-only (and, for observers,
 * owner-only), and the module flags declared visible to them.
 */
import type { Actor, Member } from '../model/documents.js';
import type { JsonValue } from '../model/json.js';
import type { FieldVisibility, VisibilityPolicy } from '../model/visibility-policy.js';
import { actorLevel } from '../permissions/ownership.js';
import { setOwn, viewFlags } from './redact-flags.js';

function hides(node: FieldVisibility, owner: boolean): boolean {
  return node.visibility === 'gm' || (node.visibility === 'owner' && !owner);
}

function childOf(node: FieldVisibility, key: string): FieldVisibility | undefined {
  const properties = node.properties;
  if (properties !== undefined && Object.hasOwn(properties, key)) return properties[key];
  return node.additional;
}

/**
 * `value` without what `node` hides from a viewer who owns the actor
 * (`owner`) or does not: `undefined` when the value itself is hidden, the
 * value itself when nothing in it is, else a copy. Hidden properties are
 * removed from objects and hidden elements from arrays.
 *
 * @example
 * redactData({ hp: 7, name: 'Orc' }, { properties: { hp: { visibility: 'gm' } } }, false);
 * // { name: 'Orc' }
 */
export function redactData(
  value: JsonValue,
  node: FieldVisibility,
  owner: boolean,
): JsonValue | undefined {
  if (hides(node, owner)) return undefined;
  if (Array.isArray(value)) {
    const items = node.items;
    if (items === undefined) return value;
    let out: JsonValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const seen = redactData(value[i]!, items, owner);
      if (out === undefined && seen !== value[i]) out = value.slice(0, i);
      if (out !== undefined && seen !== undefined) out.push(seen);
    }
    return out ?? value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (node.properties === undefined && node.additional === undefined) return value;
  let out: Record<string, JsonValue> | undefined;
  for (const key of Object.keys(value)) {
    const child = childOf(node, key);
    if (child === undefined) continue;
    const seen = redactData(value[key]!, child, owner);
    if (seen === value[key]) continue;
    out ??= { ...value };
    if (seen === undefined) delete out[key];
    else setOwn(out, key, seen);
  }
  return out ?? value;
}

/**
 * What `member` sees of `actor` under `policy`: the actor itself for GMs
 * and whenever nothing is hidden, a redacted copy otherwise, `undefined` at
 * ownership `none`.
 *
 * @example
 * viewActor(monster, player, state.campaign.visibility)?.data; // without its GM-only hp
 */
export function viewActor(
  actor: Actor,
  member: Member,
  policy: VisibilityPolicy | undefined,
): Actor | undefined {
  if (member.role === 'gm') return actor;
  const level = actorLevel(actor, member);
  if (level === 'none') return undefined;
  if (level === 'limited') return { ...actor, data: null, flags: {} };
  const owner = level === 'owner';
  const node =
    policy !== undefined && Object.hasOwn(policy.actorTypes, actor.type)
      ? policy.actorTypes[actor.type]
      : undefined;
  const data = node === undefined ? actor.data : (redactData(actor.data, node, owner) ?? null);
  const flags = viewFlags(actor.flags, policy, owner);
  return data === actor.data && flags === actor.flags ? actor : { ...actor, data, flags };
}

/**
 * True when `member` sees all of `actor` that the server holds: a GM, or a
 * viewer from whom nothing of it is hidden. Derived data and other values
 * computed from the whole actor may go only to such viewers.
 *
 * @example
 * if (!seesWholeActor(actor, member, state.campaign.visibility)) return null;
 */
export function seesWholeActor(
  actor: Actor,
  member: Member,
  policy: VisibilityPolicy | undefined,
): boolean {
  return viewActor(actor, member, policy) === actor;
}
