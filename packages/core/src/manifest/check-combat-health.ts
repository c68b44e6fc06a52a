import { createDiagnostic, isJsonObject, pointerOf, type Diagnostic } from './diagnostics.js';
import type { JsonSchema } from './manifest-types.js';
import { unknown } from './manifest-references.js';
import { resolveSchemaPath } from './schema-paths.js';

/**
 * Checks the manifest's `combat.health` entries against the actor types'
 * data schemas: each `actorTypes` entry names a declared actor type, and
 * each path is a number in the schema of every actor type it applies to
 * (all of them when `actorTypes` is omitted). Works on the raw JSON, like
 * `checkManifestReferences`; shape errors are the schema's. Returns errors.
 *
 * @example
 * checkCombatHealth({ actorTypes: { pc: { label: 'PC', schema } }, combat: { health: [{ path: '/hp', kind: 'pool' }] } });
 * // [] when /hp is an integer of pc's schema
 */
export function checkCombatHealth(manifest: Record<string, unknown>): Diagnostic[] {
  const combat = manifest['combat'];
  const health = isJsonObject(combat) ? combat['health'] : undefined;
  if (!Array.isArray(health)) return [];
  const declared = isJsonObject(manifest['actorTypes']) ? manifest['actorTypes'] : {};
  const known = Object.keys(declared);
  const errors: Diagnostic[] = [];
  health.forEach((entry: unknown, index) => {
    if (!isJsonObject(entry) || typeof entry['path'] !== 'string') return;
    const path = entry['path'];
    if (!path.startsWith('/')) return; // the schema's pattern reports it
    const at = pointerOf('combat', 'health', index);
    const listed = entry['actorTypes'];
    const types: string[] = [];
    if (Array.isArray(listed)) {
      listed.forEach((type: unknown, i) => {
        if (typeof type !== 'string') return;
        if (known.includes(type)) types.push(type);
        else errors.push(unknown(`${at}/actorTypes/${i}`, 'actor type', type, known));
      });
    } else {
      types.push(...known);
    }
    for (const type of types) {
      const definition = declared[type];
      const schema = isJsonObject(definition) ? definition['schema'] : undefined;
      if (!isJsonObject(schema)) continue;
      errors.push(...checkPath(schema, path, type, `${at}/path`));
    }
  });
  return errors;
}

function checkPath(schema: JsonSchema, path: string, type: string, pointer: string): Diagnostic[] {
  const result = resolveSchemaPath(schema, path);
  if (!result.found) {
    const suggestion =
      result.suggestion === undefined ? '' : ` (did you mean '${result.suggestion}'?)`;
    return [
      createDiagnostic('VTT_ERR_COMBAT_HEALTH_PATH_UNKNOWN', pointer, { path, type, suggestion }),
    ];
  }
  const typed = result.schemas.map((s) => s['type']).filter((t) => t !== undefined);
  const numeric = (t: unknown): boolean =>
    t === 'integer' || t === 'number' || (Array.isArray(t) && t.some(numeric));
  if (typed.length === 0 || typed.some(numeric)) return [];
  return [
    createDiagnostic('VTT_ERR_COMBAT_HEALTH_PATH_NOT_NUMBER', pointer, {
      path,
      type,
      actual: `of type ${typed.map((t) => JSON.stringify(t)).join(' / ')}`,
    }),
  ];
}
