/**
 * One module of a table in the sandbox: its instance, what it registered,
 * and the compiled JSON Schemas of its action payloads and roll arguments.
 */
import {
  compileDataSchema,
  MODULE_PROTOCOL_VERSION,
  VttError,
  type JsonValue,
  type ModuleDescription,
  type RngState,
} from '@vtt/core';
import type { SandboxHost, SandboxInstance } from '../types.js';
import type { ModuleBundle } from './module-table-types.js';

/** A schema check: the problems of `data`, each with its JSON pointer. */
export type SchemaCheck = (data: unknown) => { pointer: string; message: string; fix: string }[];

/** A loaded module of a table. */
export interface ModuleSlot {
  readonly id: string;
  readonly instance: SandboxInstance;
  readonly description: ModuleDescription;
  /** Payload checks by action name, and argument checks by `roll:<name>`. */
  readonly validators: ReadonlyMap<string, SchemaCheck>;
}

/**
 * Creates the sandbox instance of `bundle`, reads what it registers, and
 * compiles its schemas (as untrusted input: `compileDataSchema`). Disposes
 * the instance and throws a VttError when the bundle speaks another
 * protocol, declares another id than its manifest, repeats an id already
 * `taken` at the table, or ships an invalid schema.
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
    const { value } = await instance.call('vttDescribe', null, { now: options.now });
    const description = value as unknown as ModuleDescription;
    if (
      typeof description !== 'object' ||
      description === null ||
      description.protocol !== MODULE_PROTOCOL_VERSION
    ) {
      throw new VttError('VTT_ERR_MODULE_PROTOCOL_MISMATCH', {
        moduleId: bundle.id ?? key,
        found: String((description as { protocol?: unknown } | null)?.protocol),
        expected: MODULE_PROTOCOL_VERSION,
      });
    }
    const moduleId = String(description.id);
    if ((bundle.id !== undefined && moduleId !== bundle.id) || options.taken(moduleId)) {
      const problem = options.taken(moduleId)
        ? `a second module with id "${moduleId}"`
        : `the bundle declares id "${moduleId}", the manifest "${bundle.id}"`;
      throw new VttError('VTT_ERR_MODULE_BAD_REPLY', { moduleId, call: 'vttDescribe', problem });
    }
    const schemas: [name: string, schema: unknown, at: string][] = [
      ...Object.entries(description.actions).map(([name, spec]): [string, unknown, string] => [
        name,
        spec.schema,
        '/payload',
      ]),
      ...Object.entries(description.rolls)
        .filter(([, spec]) => spec.args !== undefined)
        .map(([name, spec]): [string, unknown, string] => [`roll:${name}`, spec.args, '/args']),
    ];
    const validators = new Map<string, SchemaCheck>();
    for (const [name, schema, at] of schemas) {
      const compiled = compileDataSchema(schema);
      const validate = compiled.validate;
      if (validate === undefined) {
        const problem = `the schema of ${name} is invalid: ${compiled.errors[0]?.message ?? 'unknown problem'}`;
        throw new VttError('VTT_ERR_MODULE_BAD_REPLY', { moduleId, call: 'vttDescribe', problem });
      }
      validators.set(name, (data) =>
        validate(data as JsonValue, at).map(({ pointer, message, fix }) => ({
          pointer,
          message,
          fix,
        })),
      );
    }
    return { id: moduleId, instance, description, validators };
  } catch (error) {
    await instance.dispose();
    throw error;
  }
}
