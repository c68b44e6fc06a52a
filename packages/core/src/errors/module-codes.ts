import { defineErrors } from './error-spec.js';

/** Error codes of module manifests, sheets and compendium data (`VTT_ERR_MODULE_*`). */
export const MODULE_ERRORS = defineErrors({
  // --- the shape of a JSON document (manifest, sheet, compendium entry, data)
  VTT_ERR_MODULE_NOT_OBJECT: {
    message: '{pointer} must be a JSON object, got {actual}.',
    fix: 'Make {pointer} a JSON object ({ ... }).',
    status: 422,
  },
  VTT_ERR_MODULE_FIELD_MISSING: {
    message: '{pointer} is required but missing.',
    fix: 'Add "{field}" to {parent}.',
    status: 422,
  },
  VTT_ERR_MODULE_FIELD_UNKNOWN: {
    message: '{pointer} is not an allowed field here.',
    fix: 'Remove {pointer}{suggestion}',
    status: 422,
  },
  VTT_ERR_MODULE_FIELD_TYPE: {
    message: '{pointer} must be {expected}, got {actual}.',
    fix: 'Change {pointer} to {expected}.',
    status: 422,
  },
  VTT_ERR_MODULE_FIELD_INVALID: {
    message: '{pointer} {problem}.',
    fix: 'Correct {pointer}: it {problem}.',
    status: 422,
  },
  // --- manifest fields with a syntax of their own
  VTT_ERR_MODULE_ID_INVALID: {
    message: "{pointer} must be kebab-case like 'my-system' (3-64 characters), got {value}.",
    fix: 'Use lowercase letters, digits and single hyphens, starting with a letter.',
    status: 422,
  },
  VTT_ERR_MODULE_VERSION_INVALID: {
    message: "{pointer} must be semver like '1.0.0', got {value}.",
    fix: "Write MAJOR.MINOR.PATCH, optionally with a prerelease tag: '1.0.0' or '1.0.0-beta.1'.",
    status: 422,
  },
  VTT_ERR_MODULE_RANGE_INVALID: {
    message: '{pointer} must be a semver range, got {value}.',
    fix: "Write a range such as '^0.1.0', '~1.2.0', '>=1.2.0 <2.0.0', '1.x' or '*'.",
    status: 422,
  },
  VTT_ERR_MODULE_PATH_INVALID: {
    message: '{pointer} must be a relative path inside the module, got {value}.',
    fix: "Use forward slashes, no '..', no leading '/' and no drive letter, like 'dist/module.js'.",
    status: 422,
  },
  VTT_ERR_MODULE_LICENSE_INVALID: {
    message: '{pointer} must be an SPDX license expression, got {value}.',
    fix: "Use an SPDX identifier such as 'MIT', 'Apache-2.0' or 'CC-BY-4.0' (https://spdx.org/licenses/).",
    status: 422,
  },
  VTT_ERR_MODULE_FIELD_RECOMMENDED: {
    message: '{pointer} is missing; it is recommended for published modules.',
    fix: 'Add "{field}" to the manifest.',
    status: 422,
  },
  // --- references inside a module
  VTT_ERR_MODULE_DUPLICATE_ID: {
    message: "{pointer} repeats the id '{id}' already used at {first}.",
    fix: 'Give each one a unique id.',
    status: 422,
  },
  VTT_ERR_MODULE_UNKNOWN_REFERENCE: {
    message: "{pointer} refers to {what} '{name}', which the module does not declare.",
    fix: 'Declare it{suggestion}, or correct the reference.',
    status: 422,
  },
  VTT_ERR_MODULE_SELF_DEPENDENCY: {
    message: "{pointer}: the module '{id}' lists itself as a dependency.",
    fix: 'Remove {pointer}.',
    status: 422,
  },
  VTT_ERR_MODULE_FILE_MISSING: {
    message: "{pointer} names the file '{path}', which is not in the module.",
    fix: 'Add the file, or correct the path (paths are relative to the module folder).',
    status: 422,
  },
  VTT_ERR_MODULE_ENGINE_MISMATCH: {
    message: "Module '{moduleId}' needs core API {range}, but this is core API {coreVersion}.",
    fix: 'Install a version of the module made for core API {coreVersion}, or run a VTT whose core API matches {range}.',
    status: 409,
  },
  // --- JSON Schemas shipped by a module (untrusted)
  VTT_ERR_MODULE_SCHEMA_TOO_LARGE: {
    message: '{pointer} is over the size limit of {max} bytes of JSON.',
    fix: 'Shrink the schema: share repeated parts through "definitions" and "$ref".',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_TOO_DEEP: {
    message: '{pointer} nests deeper than {max} levels.',
    fix: 'Flatten the schema, or move nested parts into "definitions" and "$ref" them.',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_TOO_MANY_KEYWORDS: {
    message: '{pointer} has {count} keywords or more; the limit is {max}.',
    fix: 'Simplify the schema, or share repeated parts through "definitions" and "$ref".',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_FORBIDDEN_KEYWORD: {
    message: '{pointer} uses "{keyword}", which module schemas may not use.',
    fix: 'Remove "{keyword}"; {reason}.',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_REMOTE_REF: {
    message: '{pointer} refers to {value}, outside the schema itself.',
    fix: 'Only local references are allowed: move the target into "definitions" and write "$ref": "#/definitions/name".',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_UNSAFE_PATTERN: {
    message: '{pointer} has a regular expression that is {problem}.',
    fix: 'Use a simpler pattern without nested repetition like "(a+)+", at most {max} characters.',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_VISIBILITY_VALUE: {
    message: '{pointer} is {value}; "x-vtt-visibility" is "gm" or "owner".',
    fix: 'Write "gm" (only GMs see the field) or "owner" (the actor\'s owners and GMs see it), or remove the keyword to show the field to everyone who sees the actor\'s data.',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_VISIBILITY_PLACE: {
    message: '{pointer}: "x-vtt-visibility" {problem}.',
    fix: 'Declare it on a property reached through "properties", "additionalProperties", "items", "$ref", "allOf", "anyOf" or "oneOf", outside recursive definitions; otherwise the field would be shown to everyone.',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_VISIBILITY_UNUSED: {
    message:
      '{pointer} declares "x-vtt-visibility", which has an effect only in an actor or item type\'s "schema".',
    fix: 'Remove it: {reason}.',
    status: 422,
  },
  VTT_ERR_MODULE_SCHEMA_INVALID: {
    message: '{pointer} is not a valid JSON Schema: {problem}.',
    fix: 'Fix the schema (draft-07, strict mode: every keyword known, "type" next to "properties").',
    status: 422,
  },
  // --- sheets and compendium content
  VTT_ERR_MODULE_SHEET_PATH_UNKNOWN: {
    message: "{pointer} points to '{path}', which the {schema} schema does not define.",
    fix: 'Correct the path{suggestion}, or add the property to the schema.',
    status: 422,
  },
  VTT_ERR_MODULE_SHEET_WIDGET_MISMATCH: {
    message: "{pointer}: the widget '{widget}' needs {needs}, but '{path}' is {actual}.",
    fix: "Use the widget '{better}', or point the field at {needs}.",
    status: 422,
  },
  VTT_ERR_MODULE_SHEET_TOO_DEEP: {
    message: '{pointer}: the sheet layout nests deeper than {max} levels.',
    fix: 'Flatten the layout: use tabs and sections side by side rather than inside each other.',
    status: 422,
  },
  VTT_ERR_MODULE_SHEET_DERIVED_UNCHECKED: {
    message:
      "{pointer}: the derived path '{path}' cannot be checked: the type declares no derived schema.",
    fix: 'Add a "derived" JSON Schema to the type in the manifest so the path can be checked.',
    status: 422,
  },
  VTT_ERR_MODULE_TYPE_MISMATCH: {
    message: "{pointer} is '{actual}', but {where} says '{expected}'.",
    fix: 'Make them agree.',
    status: 422,
  },
  // --- declared capabilities
  VTT_ERR_MODULE_CAPABILITY_UNKNOWN: {
    message: "{pointer} names '{name}', which is no core {kind} type{why}.",
    fix: 'Use a core {kind} type{suggestion}; docs/reference/manifest.md lists them.',
    status: 422,
  },
  VTT_ERR_MODULE_CAPABILITY_MISMATCH: {
    message: "{pointer}: the code {problem} '{name}'.",
    fix: 'Make vtt-module.json and the code agree: {fix}',
    status: 422,
  },
});
