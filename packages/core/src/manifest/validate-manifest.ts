import type { ValidateFunction } from 'ajv';
import { ajvToDiagnostics } from './ajv-diagnostics.js';
import { createStrictAjv } from './ajv-setup.js';
import {
  createDiagnostic,
  describeJsonType,
  isJsonObject,
  pointerOf,
  type Diagnostic,
  type DiagnosticReport,
} from './diagnostics.js';
import { checkCapabilities } from './capabilities.js';
import { checkCombatHealth } from './check-combat-health.js';
import { checkManifestReferences } from './manifest-references.js';
import { MANIFEST_SCHEMA } from './manifest-schema.js';
import type { ModuleManifest } from './manifest-types.js';

/** The result of {@link validateManifest}: `manifest` is set only when there are no errors. */
export interface ManifestValidation extends DiagnosticReport {
  readonly manifest?: ModuleManifest;
}

const RECOMMENDED = ['description', 'license', 'authors'] as const;

let compiled: ValidateFunction | undefined;

/** The manifest schema, compiled on first use. */
function manifestValidator(): ValidateFunction {
  compiled ??= createStrictAjv().compile(MANIFEST_SCHEMA);
  return compiled;
}

/**
 * Validates a parsed `vtt-module.json`: its shape against
 * {@link MANIFEST_SCHEMA} and the references between its fields (sheet and
 * pack ids unique, types they name declared, `combat.health` paths numbers
 * of the actor types' schemas). Reports every problem at
 * once; each names the field by JSON pointer and says how to fix it.
 * Missing `description`, `license` or `authors` are warnings. It does not
 * read files, check shipped schemas (see `validateModuleData`) or the
 * engine range (see `checkEngine`).
 *
 * @example
 * const { manifest, errors } = validateManifest(JSON.parse(text));
 * for (const e of errors) console.error(`vtt-module.json${e.pointer}: ${e.message} ${e.fix}`);
 */
export function validateManifest(json: unknown): ManifestValidation {
  if (!isJsonObject(json)) {
    const error = createDiagnostic('VTT_ERR_MODULE_NOT_OBJECT', '', {
      actual: describeJsonType(json),
    });
    return { errors: [error], warnings: [] };
  }
  const validate = manifestValidator();
  const shapeErrors = validate(json) ? [] : ajvToDiagnostics(validate.errors ?? [], '');
  const errors: Diagnostic[] = [
    ...shapeErrors,
    ...checkManifestReferences(json),
    ...checkCapabilities(json),
    ...checkCombatHealth(json),
  ];
  const warnings = RECOMMENDED.filter((field) => !(field in json)).map((field) =>
    createDiagnostic('VTT_ERR_MODULE_FIELD_RECOMMENDED', pointerOf(field), { field }),
  );
  if (errors.length > 0) return { errors, warnings };
  return { manifest: json as unknown as ModuleManifest, errors, warnings };
}
