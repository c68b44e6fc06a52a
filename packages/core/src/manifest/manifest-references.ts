import { closestMatch } from './closest-match.js';
import { createDiagnostic, isJsonObject, pointerOf, type Diagnostic } from './diagnostics.js';

/**
 * Checks the references between fields of a manifest that its JSON Schema
 * cannot: unique sheet and pack ids, types' `sheet` naming a declared sheet
 * of the same type, sheets and packs naming declared types, no
 * self-dependency. Works on the raw JSON (guarding every access) so it
 * reports alongside shape errors. Returns errors.
 */
export function checkManifestReferences(manifest: Record<string, unknown>): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const sheets = listOf(manifest['sheets']);
  const packs = listOf(manifest['compendium']);
  errors.push(...duplicates(sheets, '/sheets'), ...duplicates(packs, '/compendium'));

  const typesOf = (documentType: unknown): string[] => {
    const types = manifest[documentType === 'item' ? 'itemTypes' : 'actorTypes'];
    return isJsonObject(types) ? Object.keys(types) : [];
  };
  for (const [listName, list] of [
    ['sheets', sheets],
    ['compendium', packs],
  ] as const) {
    list.forEach((ref, index) => {
      if (typeof ref['type'] !== 'string' || ref['documentType'] === undefined) return;
      if (ref['documentType'] === 'rollTable') return; // the schema refuses its `type`
      const known = typesOf(ref['documentType']);
      if (known.includes(ref['type'])) return;
      errors.push(
        unknown(
          pointerOf(listName, index, 'type'),
          `${String(ref['documentType'])} type`,
          ref['type'],
          known,
        ),
      );
    });
  }

  for (const field of ['actorTypes', 'itemTypes'] as const) {
    const types = manifest[field];
    if (!isJsonObject(types)) continue;
    const documentType = field === 'actorTypes' ? 'actor' : 'item';
    for (const [typeName, definition] of Object.entries(types)) {
      if (!isJsonObject(definition) || typeof definition['sheet'] !== 'string') continue;
      const pointer = pointerOf(field, typeName, 'sheet');
      const sheet = sheets.find((s) => s['id'] === definition['sheet']);
      if (sheet === undefined) {
        const ids = sheets.map((s) => s['id']).filter((x): x is string => typeof x === 'string');
        errors.push(unknown(pointer, 'the sheet', definition['sheet'], ids));
      } else if (sheet['documentType'] !== documentType || sheet['type'] !== typeName) {
        errors.push(
          createDiagnostic('VTT_ERR_MODULE_TYPE_MISMATCH', pointer, {
            actual: `${String(sheet['documentType'])}/${String(sheet['type'])}`,
            where: `the ${documentType} type it is set on`,
            expected: `${documentType}/${typeName}`,
          }),
        );
      }
    }
  }

  const dependencies = manifest['dependencies'];
  const id = manifest['id'];
  if (isJsonObject(dependencies) && typeof id === 'string' && id in dependencies) {
    errors.push(
      createDiagnostic('VTT_ERR_MODULE_SELF_DEPENDENCY', pointerOf('dependencies', id), { id }),
    );
  }
  return errors;
}

/** The object entries of an array field; non-objects are left to the schema check. */
function listOf(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.map((item) => (isJsonObject(item) ? item : {})) : [];
}

function duplicates(list: ReadonlyArray<Record<string, unknown>>, at: string): Diagnostic[] {
  const seen = new Map<string, number>();
  const errors: Diagnostic[] = [];
  list.forEach((item, index) => {
    const id = item['id'];
    if (typeof id !== 'string') return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else {
      const pointer = `${at}/${index}/id`;
      errors.push(
        createDiagnostic('VTT_ERR_MODULE_DUPLICATE_ID', pointer, {
          id,
          first: `${at}/${first}/id`,
        }),
      );
    }
  });
  return errors;
}

/** An `UNKNOWN_REFERENCE` diagnostic with a did-you-mean over `known`. */
export function unknown(
  pointer: string,
  what: string,
  name: string,
  known: readonly string[],
): Diagnostic {
  const best = closestMatch(name, known);
  const suggestion = best === undefined ? '' : ` (did you mean '${best}'?)`;
  return createDiagnostic('VTT_ERR_MODULE_UNKNOWN_REFERENCE', pointer, { what, name, suggestion });
}
