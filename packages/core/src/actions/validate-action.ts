/** Checking an untrusted action against its JSON Schema, with errors that name the field. */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { VttError } from '../errors/vtt-error.js';
import { deeperThan } from '../limits/state-limits.js';
import type { TableAction } from './action-types.js';
import { ACTION_SCHEMAS } from './action-schemas.js';
import { ACTION_LIMITS, idSchema } from './schema-parts.js';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The compiled validator of one action type; ajv and the schema compile on first use. */
function validatorFor(type: keyof typeof ACTION_SCHEMAS): ValidateFunction {
  let validate = compiled.get(type);
  if (validate === undefined) {
    ajv ??= new Ajv({ strict: true, allowUnionTypes: true, discriminator: true, logger: false });
    validate = ajv.compile({
      type: 'object',
      required: ['type', 'payload'],
      additionalProperties: false,
      properties: {
        type: { const: type },
        payload: ACTION_SCHEMAS[type],
        clientId: idSchema,
      },
    });
    compiled.set(type, validate);
  }
  return validate;
}

function describe(error: ErrorObject): { pointer: string; problem: string; fix: string } {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const pointer = `${error.instancePath}/${String(p.missingProperty)}`;
      return { pointer, problem: 'it is required but missing', fix: `Add ${pointer}.` };
    }
    case 'additionalProperties': {
      const pointer = `${error.instancePath}/${String(p.additionalProperty)}`;
      return {
        pointer,
        problem: 'it is not an allowed field',
        fix: `Remove ${pointer}; see docs/reference/state-model.md for the fields.`,
      };
    }
    case 'enum':
      return {
        pointer: error.instancePath,
        problem: 'it is not one of the allowed values',
        fix: `Use one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`,
      };
    case 'minProperties':
      return {
        pointer: error.instancePath,
        problem: 'it is empty',
        fix: `Put at least one field into ${error.instancePath}.`,
      };
    case 'type':
      return {
        pointer: error.instancePath,
        problem: `it must be of type ${String(p.type)}`,
        fix: `Send ${error.instancePath || 'the action'} as a ${String(p.type).replace(',', ' or ')}.`,
      };
    default:
      return {
        pointer: error.instancePath,
        problem: `it ${error.message ?? `fails the ${error.keyword} rule`}`,
        fix: `Change ${error.instancePath || 'the action'}: it ${error.message ?? 'must match the schema'}.`,
      };
  }
}

/**
 * Checks an untrusted action (parsed JSON from a socket, a module, a test)
 * and returns it typed. Throws `VTT_ERR_ACTION_UNKNOWN` for an unknown type
 * and `VTT_ERR_ACTION_INVALID` whose params name the JSON pointer of the
 * first bad field (`pointer`), what is wrong (`problem`) and the `fix`.
 *
 * @example
 * try { validateAction({ type: 'core:move-token', payload: { tokenId: 't1', x: 'a', y: 0 } }); }
 * catch (e) { if (isVttError(e)) e.params.pointer; } // '/payload/x'
 */
export function validateAction(action: unknown): TableAction {
  if (typeof action !== 'object' || action === null || Array.isArray(action)) {
    throw new VttError('VTT_ERR_ACTION_INVALID', {
      pointer: '',
      problem: 'an action must be a JSON object',
      fix: 'Send { "type": "core:...", "payload": { ... } }.',
    });
  }
  const type = (action as { type?: unknown }).type;
  if (typeof type !== 'string') {
    throw new VttError('VTT_ERR_ACTION_INVALID', {
      pointer: '/type',
      problem: 'it must be a string',
      fix: 'Add a "type" such as "core:move-token".',
    });
  }
  if (!Object.prototype.hasOwnProperty.call(ACTION_SCHEMAS, type)) {
    throw new VttError('VTT_ERR_ACTION_UNKNOWN', { type: type.slice(0, 100) });
  }
  // Before anything recursive (JSON.stringify, ajv) walks it.
  if (deeperThan(action, ACTION_LIMITS.maxDepth)) {
    throw new VttError('VTT_ERR_ACTION_INVALID', {
      pointer: '',
      problem: `it nests objects and arrays more than ${ACTION_LIMITS.maxDepth} levels deep`,
      fix: 'Send flatter data, e.g. a list of entries with ids instead of objects inside objects.',
    });
  }
  const length = JSON.stringify(action).length;
  if (length > ACTION_LIMITS.maxActionLength) {
    throw new VttError('VTT_ERR_ACTION_INVALID', {
      pointer: '',
      problem: `it is ${length} characters long, over the limit of ${ACTION_LIMITS.maxActionLength}`,
      fix: 'Send less data in one action, e.g. split a large change into several.',
    });
  }
  const validate = validatorFor(type as keyof typeof ACTION_SCHEMAS);
  if (!validate(action)) {
    throw new VttError('VTT_ERR_ACTION_INVALID', describe(validate.errors![0]!));
  }
  return action as TableAction;
}
