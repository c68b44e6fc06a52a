import { checkEngine } from './check-engine.js';
import { compileFieldVisibility } from './field-visibility.js';
import { compileDataSchema, type DataValidator } from './compile-data-schema.js';
import {
  createDiagnostic,
  inFile,
  isJsonObject,
  pointerOf,
  type Diagnostic,
  type DiagnosticReport,
} from './diagnostics.js';
import { MANIFEST_FILE, type JsonSchema, type ModuleManifest } from './manifest-types.js';
import { isRelativePath } from './module-formats.js';
import { isSemverRange } from './semver-range.js';
import { checkCompendiumEntries, type ItemTypeValidators } from './validate-compendium.js';
import { checkRollTableEntries } from '../compendium/roll-table-entry.js';
import { validateManifest } from './validate-manifest.js';
import { validateSheet } from './validate-sheet.js';

/** A whole module as parsed JSON: the manifest and its JSON files by relative path. */
export interface ModuleDataInput {
  /** The parsed `vtt-module.json`. */
  readonly manifest: unknown;
  /** Parsed JSON files by module-relative path, e.g. `{ 'sheets/character.json': {...} }`. */
  readonly files: Readonly<Record<string, unknown>>;
  /** The core API version to check `engine` against; `CORE_API_VERSION` by default. */
  readonly coreVersion?: string;
}

/** The result of {@link validateModuleData}: `manifest` is set only when there are no errors. */
export interface ModuleDataValidation extends DiagnosticReport {
  readonly manifest?: ModuleManifest;
}

interface TypeInfo {
  readonly schema: JsonSchema;
  readonly derived: JsonSchema | undefined;
  readonly validate: DataValidator | undefined;
}

/**
 * Validates everything a module declares as data, and reports every problem
 * at once with `file` set: the manifest (`validateManifest`), its engine
 * range (`checkEngine`), each type's data and derived schema
 * (`compileDataSchema`), each sheet file (`validateSheet`, and that it
 * matches its manifest entry) and each compendium pack
 * (`validateCompendiumEntries`), including files the manifest names that are
 * missing from `files`. The bundle (`entry`) and `assets` are not JSON and
 * are checked by the CLI. Runs in `vtt validate`, `vtt pack` and on install.
 *
 * @example
 * const { errors, warnings } = validateModuleData({
 *   manifest: JSON.parse(manifestText),
 *   files: { 'sheets/character.json': JSON.parse(sheetText) },
 * });
 * for (const e of errors) console.error(`${e.file}${e.pointer}: ${e.message}`);
 */
export function validateModuleData(input: ModuleDataInput): ModuleDataValidation {
  const result = validateManifest(input.manifest);
  const errors: Diagnostic[] = inFile(result.errors, MANIFEST_FILE);
  const warnings: Diagnostic[] = inFile(result.warnings, MANIFEST_FILE);
  const raw = input.manifest;
  if (!isJsonObject(raw)) return { errors, warnings };
  const add = (report: DiagnosticReport, file: string): void => {
    errors.push(...inFile(report.errors, file));
    warnings.push(...inFile(report.warnings, file));
  };

  const { id, engine } = raw;
  if (typeof id === 'string' && typeof engine === 'string' && isSemverRange(engine)) {
    add(checkEngine({ id, engine }, input.coreVersion), MANIFEST_FILE);
  }

  const types = new Map<string, TypeInfo>();
  for (const [field, documentType] of [
    ['actorTypes', 'actor'],
    ['itemTypes', 'item'],
  ] as const) {
    const declared = raw[field];
    if (!isJsonObject(declared)) continue;
    for (const [typeName, definition] of Object.entries(declared)) {
      if (!isJsonObject(definition) || !isJsonObject(definition['schema'])) continue;
      const at = pointerOf(field, typeName);
      const data = compileDataSchema(definition['schema'], `${at}/schema`);
      add(data, MANIFEST_FILE);
      const derivedSchema = definition['derived'];
      const derived = isJsonObject(derivedSchema)
        ? compileDataSchema(derivedSchema, `${at}/derived`)
        : undefined;
      if (derived !== undefined) add(derived, MANIFEST_FILE);
      warnings.push(...unusedVisibility(derivedSchema, at));
      types.set(`${documentType}/${typeName}`, {
        // A refused schema is not walked: its fields go unchecked, its errors are reported.
        schema: data.validate === undefined ? {} : definition['schema'],
        derived:
          derived === undefined
            ? undefined
            : derived.validate === undefined
              ? {}
              : (derivedSchema as JsonSchema),
        validate: data.validate,
      });
    }
  }

  const itemSchemas: Record<string, JsonSchema> = {};
  for (const [key, type] of types) {
    if (key.startsWith('item/')) itemSchemas[key.slice('item/'.length)] = type.schema;
  }
  forEachReference(raw['sheets'], 'sheets', input.files, errors, (ref, file, at) => {
    const type = types.get(`${String(ref['documentType'])}/${String(ref['type'])}`);
    if (type === undefined) return;
    add(validateSheet(file.json, type.schema, type.derived, itemSchemas), file.path);
    if (!isJsonObject(file.json)) return;
    for (const key of ['id', 'documentType', 'type'] as const) {
      const actual = file.json[key];
      if (typeof actual !== 'string' || actual === ref[key]) continue;
      const error = createDiagnostic('VTT_ERR_MODULE_TYPE_MISMATCH', `/${key}`, {
        actual,
        where: `the manifest (${MANIFEST_FILE}${at}/${key})`,
        expected: String(ref[key]),
      });
      errors.push({ ...error, file: file.path });
    }
  });

  forEachReference(raw['compendium'], 'compendium', input.files, errors, (ref, file) => {
    if (ref['documentType'] === 'rollTable')
      return add(checkRollTableEntries(file.json), file.path);
    const type = types.get(`${String(ref['documentType'])}/${String(ref['type'])}`);
    if (type === undefined) return;
    const itemTypes = ref['documentType'] === 'actor' ? itemValidators(types) : undefined;
    add(
      checkCompendiumEntries(file.json, type.validate, String(ref['type']), itemTypes),
      file.path,
    );
  });

  if (errors.length > 0) return { errors, warnings };
  return { manifest: result.manifest, errors, warnings };
}

/** The item types' data validators by type name, for the items actor entries embed. */
function itemValidators(types: ReadonlyMap<string, TypeInfo>): ItemTypeValidators {
  const items = new Map<string, DataValidator | undefined>();
  for (const [key, info] of types) {
    if (key.startsWith('item/')) items.set(key.slice('item/'.length), info.validate);
  }
  return items;
}

/** Calls `check` for each entry of a manifest list whose `path` is a file present in `files`. */
function forEachReference(
  list: unknown,
  listName: string,
  files: Readonly<Record<string, unknown>>,
  errors: Diagnostic[],
  check: (ref: Record<string, unknown>, file: { path: string; json: unknown }, at: string) => void,
): void {
  if (!Array.isArray(list)) return;
  list.forEach((ref: unknown, index) => {
    if (!isJsonObject(ref)) return;
    const path = ref['path'];
    if (typeof path !== 'string' || !isRelativePath(path)) return;
    const at = pointerOf(listName, index);
    if (!Object.hasOwn(files, path)) {
      const error = createDiagnostic('VTT_ERR_MODULE_FILE_MISSING', `${at}/path`, { path });
      errors.push({ ...error, file: MANIFEST_FILE });
      return;
    }
    check(ref, { path, json: files[path] }, at);
  });
}

/** Visibility declared where nothing applies it: derived data. */
function unusedVisibility(derived: unknown, at: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (candidate: unknown, pointer: string, reason: string) => {
    if (isJsonObject(candidate) && compileFieldVisibility(candidate).visibility !== undefined) {
      out.push(
        createDiagnostic(
          'VTT_ERR_MODULE_SCHEMA_VISIBILITY_UNUSED',
          pointer,
          { reason },
          MANIFEST_FILE,
        ),
      );
    }
  };
  check(derived, `${at}/derived`, 'derived data goes only to viewers who see the whole actor');
  return out;
}
