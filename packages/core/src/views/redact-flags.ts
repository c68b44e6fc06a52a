/**
 * Module flags as a viewer sees them: each module declares in its manifest
 * who sees its `flags[moduleId]` (see `VisibilityPolicy.flags`); flags under
 * a key no loaded module declares are seen by GMs only, so a module's
 * secret never reaches players by default.
 */
import type { Flags, JsonValue } from '../model/json.js';
import type {
  FlagVisibility,
  FlagVisibilityLevel,
  VisibilityPolicy,
} from '../model/visibility-policy.js';

/** True when a non-GM viewer (an owner of the document or not) sees what `level` guards. */
function sees(level: FlagVisibilityLevel, owner: boolean): boolean {
  return level === 'viewer' || (level === 'owner' && owner);
}

/** Sets an own property, safe for keys such as `__proto__` that JSON may carry. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function isObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function viewModuleFlags(
  value: JsonValue,
  declared: FlagVisibility,
  owner: boolean,
): JsonValue | undefined {
  const keys = declared.keys;
  if (keys === undefined || !isObject(value)) {
    return sees(declared.visibility, owner) ? value : undefined;
  }
  let out: Record<string, JsonValue> | undefined;
  for (const key of Object.keys(value)) {
    const level = Object.hasOwn(keys, key) ? keys[key]! : declared.visibility;
    if (sees(level, owner)) continue;
    out ??= { ...value };
    delete out[key];
  }
  return out ?? value;
}

/**
 * `flags` as a non-GM viewer sees them under `policy`: `owner` says whether
 * the viewer owns the document (an actor's or token's owner, a note's,
 * timeline entry's or message's author). Returns `flags` itself when nothing
 * is hidden, else a copy without the hidden modules or keys.
 *
 * @example
 * viewFlags({ dnd5e: { dc: 15 }, other: 1 }, { actorTypes: {}, flags: { dnd5e: { visibility: 'viewer' } } }, false);
 * // { dnd5e: { dc: 15 } }
 */
export function viewFlags(
  flags: Flags,
  policy: VisibilityPolicy | undefined,
  owner: boolean,
): Flags {
  let out: Flags | undefined;
  for (const key of Object.keys(flags)) {
    const declared =
      policy !== undefined && Object.hasOwn(policy.flags, key) ? policy.flags[key] : undefined;
    const value = flags[key]!;
    const seen = declared === undefined ? undefined : viewModuleFlags(value, declared, owner);
    if (seen === value) continue;
    out ??= { ...flags };
    if (seen === undefined) delete out[key];
    else setOwn(out, key, seen);
  }
  return out ?? flags;
}

/**
 * `doc` with its flags as a non-GM viewer sees them: the same object when
 * nothing is hidden (the projection relies on it), else a copy.
 *
 * @example
 * const seen = withViewedFlags(note, state.campaign.visibility, note.author === member.id);
 */
export function withViewedFlags<T extends { readonly flags: Flags }>(
  doc: T,
  policy: VisibilityPolicy | undefined,
  owner: boolean,
): T {
  const flags = viewFlags(doc.flags, policy, owner);
  return flags === doc.flags ? doc : { ...doc, flags };
}
