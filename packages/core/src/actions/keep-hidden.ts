/**
 * Updates from viewers who do not see all of a document: an actor's owner
 * does not see its GM-only fields, an author not the GM-only flags on their
 * note. A hidden place that such an update leaves out keeps its stored
 * value, so editing what one sees never erases what one cannot see.
 */
import type { Member } from '../model/documents.js';
import type { Flags, JsonValue } from '../model/json.js';
import type { TableState } from '../model/state.js';
import type { FieldVisibility, VisibilityPolicy } from '../model/visibility-policy.js';
import { actorLevel } from '../permissions/ownership.js';
import { viewFlags } from '../views/redact-flags.js';
import { itemOf } from '../model/item-list.js';

type JsonObject = { [key: string]: JsonValue };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const setOwn = (target: JsonObject, key: string, value: JsonValue) =>
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

function hides(node: FieldVisibility, owner: boolean): boolean {
  return node.visibility === 'gm' || (node.visibility === 'owner' && !owner);
}

/** `sent` with every hidden place it leaves out filled from `stored`. */
function keepData(
  stored: JsonValue | undefined,
  sent: JsonValue,
  node: FieldVisibility,
  owner: boolean,
): JsonValue {
  if (Array.isArray(sent) && Array.isArray(stored) && node.items !== undefined) {
    const items = node.items;
    if (hides(items, owner)) return sent; // the viewer saw no element: what is sent replaces them
    return sent.map((item, i) => keepData(stored[i], item, items, owner));
  }
  if (!isObject(sent) || !isObject(stored)) return sent;
  if (node.properties === undefined && node.additional === undefined) return sent;
  let out: JsonObject | undefined;
  for (const key of Object.keys(stored)) {
    const child =
      node.properties !== undefined && Object.hasOwn(node.properties, key)
        ? node.properties[key]!
        : node.additional;
    if (child === undefined) continue;
    const given = Object.hasOwn(sent, key) ? sent[key] : undefined;
    const kept =
      given === undefined
        ? hides(child, owner)
          ? stored[key]!
          : undefined
        : keepData(stored[key], given, child, owner);
    if (kept === undefined || kept === given) continue;
    out ??= { ...sent };
    setOwn(out, key, kept);
  }
  return out ?? sent;
}

/**
 * `sent` flags with the modules and keys hidden from the viewer that it
 * leaves out filled from `stored`.
 *
 * @example
 * keepHiddenFlags({ secret: 1 }, { mine: 2 }, undefined, true); // { mine: 2, secret: 1 }
 */
export function keepHiddenFlags(
  stored: Flags,
  sent: Flags,
  policy: VisibilityPolicy | undefined,
  owner: boolean,
): Flags {
  const seen = viewFlags(stored, policy, owner);
  if (seen === stored) return sent;
  let out: Flags | undefined;
  for (const key of Object.keys(stored)) {
    const value = stored[key]!;
    const visible = Object.hasOwn(seen, key) ? seen[key] : undefined;
    if (visible === value) continue;
    const given = Object.hasOwn(sent, key) ? sent[key] : undefined;
    let kept: JsonValue | undefined;
    if (visible === undefined) kept = given === undefined ? value : undefined;
    else if (isObject(value) && isObject(visible) && isObject(given)) {
      const merged: JsonObject = { ...given };
      for (const sub of Object.keys(value)) {
        if (!Object.hasOwn(visible, sub) && !Object.hasOwn(given, sub)) {
          setOwn(merged, sub, value[sub]!);
        }
      }
      kept = merged;
    }
    if (kept === undefined) continue;
    out ??= { ...sent };
    setOwn(out, key, kept);
  }
  return out ?? sent;
}

/**
 * The patch of a `core:update-actor` by `member` with the hidden places it
 * leaves out of `data` and `flags` kept from the stored actor. GMs see
 * everything, so their patches are used as sent.
 *
 * @example
 * const patch = keepHiddenOfActor(state, member, payload.actorId, payload.patch);
 */
export function keepHiddenOfActor<P extends { readonly data?: JsonValue; readonly flags?: Flags }>(
  state: TableState,
  member: Member,
  actorId: string,
  patch: P,
): P {
  const actor = state.actors.get(actorId);
  if (actor === undefined || member.role === 'gm') return patch;
  const owner = actorLevel(actor, member) === 'owner';
  return keepHidden(actor, state.campaign.visibility, 'actorTypes', owner, patch);
}

/**
 * The patch of a `core:update-item` by `member` with the hidden places it
 * leaves out of `data` and `flags` kept from the stored item, as for actors:
 * the item's type declares its fields, its actor's ownership decides who
 * counts as owner.
 *
 * @example
 * const patch = keepHiddenOfItem(state, member, payload.itemId, payload.patch);
 */
export function keepHiddenOfItem<P extends { readonly data?: JsonValue; readonly flags?: Flags }>(
  state: TableState,
  member: Member,
  itemId: string,
  patch: P,
): P {
  const item = itemOf(state, itemId);
  if (item === undefined || member.role === 'gm') return patch;
  const actor = item.actorId === null ? undefined : state.actors.get(item.actorId);
  const owner = actor !== undefined && actorLevel(actor, member) === 'owner';
  return keepHidden(item, state.campaign.visibility, 'itemTypes', owner, patch);
}

function keepHidden<P extends { readonly data?: JsonValue; readonly flags?: Flags }>(
  doc: { readonly type: string; readonly data: JsonValue; readonly flags: Flags },
  policy: VisibilityPolicy | undefined,
  kind: 'actorTypes' | 'itemTypes',
  owner: boolean,
  patch: P,
): P {
  let out = patch;
  const types = policy?.[kind];
  const node = types !== undefined && Object.hasOwn(types, doc.type) ? types[doc.type] : undefined;
  if (patch.data !== undefined && node !== undefined) {
    const data = hides(node, owner) ? doc.data : keepData(doc.data, patch.data, node, owner);
    if (data !== patch.data) out = { ...out, data };
  }
  if (patch.flags !== undefined) {
    const flags = keepHiddenFlags(doc.flags, patch.flags, policy, owner);
    if (flags !== patch.flags) out = { ...out, flags };
  }
  return out;
}

/**
 * The update payload of a note or timeline entry with the flags hidden from
 * `member` (its author, or not) that the patch leaves out kept.
 *
 * @example
 * withKeptFlags(state.notes.get(payload.noteId), member, state, payload);
 */
export function withKeptFlags<P extends { readonly patch: { readonly flags?: Flags } }>(
  doc: { readonly author: string; readonly flags: Flags } | undefined,
  member: Member,
  state: TableState,
  payload: P,
): P {
  const sent = payload.patch.flags;
  if (doc === undefined || sent === undefined || member.role === 'gm') return payload;
  const flags = keepHiddenFlags(
    doc.flags,
    sent,
    state.campaign.visibility,
    doc.author === member.id,
  );
  return flags === sent ? payload : { ...payload, patch: { ...payload.patch, flags } };
}
