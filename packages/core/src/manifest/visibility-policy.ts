/** The visibility policy of a table, compiled from its modules' manifests. */
import type {
  FieldVisibility,
  FlagVisibility,
  VisibilityPolicy,
} from '../model/visibility-policy.js';
import { compileFieldVisibility } from './field-visibility.js';
import type { ModuleManifest } from './manifest-types.js';

/**
 * Compiles what `manifests` (validated; the system first, then add-ons)
 * declare hidden: each actor and item type's `x-vtt-visibility` fields (a type
 * declared twice keeps the first, as the data check does) and each
 * module's `flags` declaration. A type whose declarations cannot be
 * applied (`vtt validate` reports them) has all its data hidden from
 * non-GMs. A module table commits the result as
 * `core:visibility-set` when it loads, so every projection uses it.
 *
 * @example
 * const policy = compileVisibilityPolicy([dnd5eManifest]);
 * policy.actorTypes['npc']; // { properties: { hp: { visibility: 'gm' }, ... } }
 */
export function compileVisibilityPolicy(manifests: readonly ModuleManifest[]): VisibilityPolicy {
  const actorTypes = compileTypes(manifests.map((m) => m.actorTypes));
  const itemTypes = compileTypes(manifests.map((m) => m.itemTypes));
  const flags: Array<[string, FlagVisibility]> = [];
  for (const manifest of manifests) {
    if (manifest.flags !== undefined && !flags.some(([id]) => id === manifest.id)) {
      flags.push([manifest.id, manifest.flags]);
    }
  }
  return {
    actorTypes,
    // Only when declared: a table whose items hide nothing keeps the policy it had.
    ...(Object.keys(itemTypes).length > 0 ? { itemTypes } : {}),
    flags: Object.fromEntries(flags),
  };
}

/** The field declarations of each type of `declared` (a type declared twice keeps the first). */
function compileTypes(
  declared: ReadonlyArray<ModuleManifest['actorTypes']>,
): Record<string, FieldVisibility> {
  const out: Array<[string, FieldVisibility]> = [];
  const typesSeen = new Set<string>();
  for (const types of declared) {
    for (const [type, definition] of Object.entries(types ?? {})) {
      if (typesSeen.has(type)) continue;
      typesSeen.add(type);
      const { visibility, errors } = compileFieldVisibility(definition.schema);
      // Fail closed: a schema whose declarations cannot be applied hides all its data.
      if (errors.length > 0) out.push([type, { visibility: 'gm' }]);
      else if (visibility !== undefined) out.push([type, visibility]);
    }
  }
  return Object.fromEntries(out);
}
