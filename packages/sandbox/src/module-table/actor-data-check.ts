/**
 * The authoritative check of module-owned data: after any change, every
 * actor whose type a module declares must match that type's JSON Schema
 * from the module's manifest. Module code and users alike cannot store
 * data the system does not describe.
 */
import {
  compileDataSchema,
  VttError,
  type EventDraft,
  type JsonValue,
  type ModuleManifest,
  type TableState,
} from '@vtt/core';

/** Validators of actor data by actor type. */
export type ActorDataValidators = ReadonlyMap<
  string,
  (data: JsonValue) => { pointer: string; message: string; fix: string }[]
>;

/**
 * Compiles the actor type schemas of `manifests` (which the caller has
 * validated). A type declared by two modules keeps the first (the system).
 */
export function actorDataValidators(manifests: readonly ModuleManifest[]): ActorDataValidators {
  const validators = new Map<
    string,
    (data: JsonValue) => { pointer: string; message: string; fix: string }[]
  >();
  for (const manifest of manifests) {
    for (const [type, definition] of Object.entries(manifest.actorTypes ?? {})) {
      if (validators.has(type)) continue;
      const compiled = compileDataSchema(definition.schema);
      const validate = compiled.validate;
      if (validate === undefined) continue; // validateModuleData reports it at install
      validators.set(type, (data) =>
        validate(data, '/data').map((d) => ({
          pointer: d.pointer,
          message: d.message,
          fix: d.fix,
        })),
      );
    }
  }
  return validators;
}

/**
 * Throws `VTT_ERR_DOCUMENT_INVALID` when an actor that `drafts` create or
 * change ends up with data its type's schema refuses. `after` is the state
 * with the drafts applied.
 */
export function checkActorData(
  validators: ActorDataValidators,
  drafts: readonly EventDraft[],
  after: TableState,
): void {
  if (validators.size === 0) return;
  for (const draft of drafts) {
    const id =
      draft.type === 'core:actor-created'
        ? draft.payload.actor.id
        : draft.type === 'core:actor-updated'
          ? draft.payload.actorId
          : draft.type === 'core:document-restored' && draft.payload.collection === 'actors'
            ? draft.payload.id
            : undefined;
    const actor = id === undefined ? undefined : after.actors.get(id);
    const validate = actor === undefined ? undefined : validators.get(actor.type);
    if (actor === undefined || validate === undefined) continue;
    const problems = validate(actor.data);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new VttError('VTT_ERR_DOCUMENT_INVALID', {
        collection: 'actors',
        id: actor.id,
        problem: `${first.pointer} ${first.message}`,
        fix: first.fix,
      });
    }
  }
}
