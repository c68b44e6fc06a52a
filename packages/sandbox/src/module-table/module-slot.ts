/**
 * One module of a table in the sandbox: its instance, what it registered,
 * what its manifest lets it do, and the compiled JSON Schemas of its action
 * payloads and roll arguments.
 */
import {
  compileDataSchema,
  declaredCapabilities,
  unknownHook,
  VttError,
  type DeclaredCapabilities,
  type JsonValue,
  type ModuleDescription,
  type RngState,
} from '@vtt/core';
import type { SandboxHost, SandboxInstance } from '../types.js';
import { callInstance } from './call-instance.js';
import type { ModuleBundle } from './module-table-types.js';
import { badReply } from './reply-shape.js';

/** A schema check: the problems of `data`, each with its JSON pointer. */
export type SchemaCheck = (data: unknown) => { pointer: string; message: string; fix: string }[];

/** A loaded module of a table. */
export interface ModuleSlot {
  readonly id: string;
  /** The sandbox instance key, `${tableId}:${moduleId}`. */
  readonly key: string;
  /** What the slot was opened from (a restart opens it again). */
  readonly bundle: ModuleBundle;
  readonly instance: SandboxInstance;
  readonly description: ModuleDescription;
  /** What its manifest declares; undefined for a bundle without a manifest (not enforced). */
  readonly capabilities: DeclaredCapabilities | undefined;
  /** Payload checks by action name, and argument checks by `roll:<name>`. */
  readonly validators: ReadonlyMap<string, SchemaCheck>;
}

/**
 * Refuses hooks on names that are no core action (before) or event (after),
 * and, with a manifest, hooks it does not declare.
 */
function checkHooks(description: ModuleDescription, declared: DeclaredCapabilities | undefined) {
  for (const phase of ['before', 'after'] as const) {
    for (const name of description.hooks[phase]) {
      const unknown = unknownHook(phase, name);
      if (unknown !== undefined) {
        throw new VttError('VTT_ERR_MODULE_HOOK_UNKNOWN', {
          moduleId: description.id,
          phase,
          name,
          kind: unknown.kind,
          suggestion:
            unknown.suggestion === undefined ? '' : ` (did you mean "${unknown.suggestion}"?)`,
        });
      }
      if (declared !== undefined && !declared[phase].has(name)) {
        throw new VttError('VTT_ERR_MODULE_CAPABILITY_UNDECLARED', {
          moduleId: description.id,
          what: `registers a ${phase}-hook on`,
          name,
          pointer: `/capabilities/hooks/${phase}`,
        });
      }
    }
  }
}

/** Compiles the module's payload and argument schemas as untrusted input. */
function compileValidators(description: ModuleDescription): Map<string, SchemaCheck> {
  const schemas: [name: string, schema: unknown, at: string, pointer: string][] = [
    ...Object.entries(description.actions).map(
      ([name, spec]): [string, unknown, string, string] => [
        name,
        spec.schema,
        '/payload',
        `/actions/${name}/schema`,
      ],
    ),
    ...Object.entries(description.rolls)
      .filter(([, spec]) => spec.args !== undefined)
      .map(([name, spec]): [string, unknown, string, string] => [
        `roll:${name}`,
        spec.args,
        '/args',
        `/rolls/${name}/args`,
      ]),
  ];
  const validators = new Map<string, SchemaCheck>();
  for (const [name, schema, at, pointer] of schemas) {
    const compiled = compileDataSchema(schema);
    const validate = compiled.validate;
    if (validate === undefined) {
      const problem = `the schema of ${name} is invalid: ${compiled.errors[0]?.message ?? 'unknown problem'}`;
      throw badReply({ moduleId: description.id, call: 'describe' }, pointer, problem);
    }
    validators.set(name, (data) =>
      validate(data as JsonValue, at).map(({ pointer, message, fix }) => ({
        pointer,
        message,
        fix,
      })),
    );
  }
  return validators;
}

/**
 * Creates the sandbox instance of `bundle`, reads and checks what it
 * registers, and compiles its schemas (as untrusted input:
 * `compileDataSchema`). Disposes the instance and throws a VttError when the
 * bundle speaks another protocol, answers describe with a malformed reply,
 * declares another id than its manifest, repeats an id already `taken` at
 * the table, hooks a name core does not have, registers a hook its manifest
 * does not declare, or ships an invalid schema.
 */
export async function openModuleSlot(options: {
  readonly host: SandboxHost;
  readonly key: string;
  readonly bundle: ModuleBundle;
  readonly rng: RngState;
  readonly now: number;
  readonly taken: (id: string) => boolean;
}): Promise<ModuleSlot> {
  const { bundle, key } = options;
  const instance = await options.host.createInstance({
    key,
    source: bundle.source,
    seed: options.rng,
  });
  try {
    const result = await callInstance(instance, bundle.id ?? key, 'describe', null, {
      now: options.now,
    });
    if (result === 'needsLoad') throw new Error('describe never answers needsLoad');
    const description = result.value;
    const moduleId = description.id;
    if ((bundle.id !== undefined && moduleId !== bundle.id) || options.taken(moduleId)) {
      const problem = options.taken(moduleId)
        ? `a second module with id "${moduleId}"`
        : `the bundle declares id "${moduleId}", the manifest "${bundle.id}"`;
      throw badReply({ moduleId, call: 'describe' }, '/id', problem);
    }
    const capabilities =
      bundle.manifest === undefined
        ? undefined
        : declaredCapabilities(bundle.manifest.capabilities);
    checkHooks(description, capabilities);
    const validators = compileValidators(description);
    return { id: moduleId, key, bundle, instance, description, capabilities, validators };
  } catch (error) {
    await instance.dispose();
    throw error;
  }
}
