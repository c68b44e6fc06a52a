/**
 * The authoritative check of items: after any change, every item that the
 * drafts create or change must be of an item type a module declares, with
 * data that matches the type's JSON Schema from the module's manifest.
 */
import {
  compileDataSchema,
  itemOf,
  VttError,
  type EventDraft,
  type JsonValue,
  type ModuleManifest,
  type TableState,
} from '@vtt/core';

type Problems = { pointer: string; message: string; fix: string }[];

/** The item types of a table's modules and their data validators. */
export interface ItemDataChecks {
  /** False when no module came with a manifest (a bare bundle under test): nothing is checked. */
  readonly enforced: boolean;
  /** Validators by item type; a declared type whose schema did not compile has none. */
  readonly validators: ReadonlyMap<string, ((data: JsonValue) => Problems) | null>;
}

/**
 * Compiles the item type schemas of `manifests` (which the caller has
 * validated). A type declared by two modules keeps the first (the system).
 *
 * @example
 * const checks = itemDataValidators([dnd5eManifest]);
 */
export function itemDataValidators(manifests: readonly ModuleManifest[]): ItemDataChecks {
  const validators = new Map<string, ((data: JsonValue) => Problems) | null>();
  for (const manifest of manifests) {
    for (const [type, definition] of Object.entries(manifest.itemTypes ?? {})) {
      if (validators.has(type)) continue;
      const validate = compileDataSchema(definition.schema).validate;
      validators.set(
        type,
        validate === undefined // validateModuleData reports it at install
          ? null
          : (data) =>
              validate(data, '/data').map((d) => ({
                pointer: d.pointer,
                message: d.message,
                fix: d.fix,
              })),
      );
    }
  }
  return { enforced: manifests.length > 0, validators };
}

/** The id of the item `draft` creates or changes, if any. */
function itemIdOf(draft: EventDraft): string | undefined {
  switch (draft.type) {
    case 'core:item-created':
      return draft.payload.item.id;
    case 'core:item-updated':
      return draft.payload.itemId;
    case 'core:document-restored':
      return draft.payload.collection === 'items' ? draft.payload.id : undefined;
    default:
      return undefined;
  }
}

/**
 * Throws `VTT_ERR_ITEM_TYPE_UNKNOWN` when an item that `drafts` create or
 * change has a type no module declares, and `VTT_ERR_DOCUMENT_INVALID` when
 * its data fails the type's schema. `after` is the state with the drafts
 * applied.
 */
export function checkItemData(
  checks: ItemDataChecks,
  drafts: readonly EventDraft[],
  after: TableState,
): void {
  if (!checks.enforced) return;
  for (const draft of drafts) {
    const id = itemIdOf(draft);
    const item = id === undefined ? undefined : itemOf(after, id);
    if (item === undefined) continue;
    const validate = checks.validators.get(item.type);
    if (validate === undefined) {
      throw new VttError('VTT_ERR_ITEM_TYPE_UNKNOWN', {
        type: item.type,
        known: [...checks.validators.keys()].join(', ') || 'none',
      });
    }
    const first = validate?.(item.data)[0];
    if (first !== undefined) {
      throw new VttError('VTT_ERR_DOCUMENT_INVALID', {
        collection: 'items',
        id: item.id,
        problem: `${first.pointer} ${first.message}`,
        fix: first.fix,
      });
    }
  }
}
