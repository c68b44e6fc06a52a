/** Checking a parsed client frame against its message schema. */
import { Ajv, type ValidateFunction } from 'ajv';
import { VttError } from '../errors/vtt-error.js';
import type { ClientMessage, ClientMessageType } from './protocol-messages.js';
import { CLIENT_MESSAGE_TYPES } from './protocol-messages.js';
import { CLIENT_MESSAGE_SCHEMAS } from './protocol-schemas.js';

let ajv: Ajv | undefined;
const compiled = new Map<ClientMessageType, ValidateFunction>();

function validatorFor(type: ClientMessageType): ValidateFunction {
  let validate = compiled.get(type);
  if (validate === undefined) {
    ajv ??= new Ajv({ strict: true, allErrors: false, logger: false });
    validate = ajv.compile(CLIENT_MESSAGE_SCHEMAS[type]);
    compiled.set(type, validate);
  }
  return validate;
}

/**
 * Checks a client message (as `parseClientFrame` returns it) against the
 * schema of its `type`. Action payloads are checked later, against their
 * action's own schema.
 *
 * @throws VttError `VTT_ERR_PROTOCOL_UNKNOWN_MESSAGE` for a missing or unknown
 * type, `VTT_ERR_PROTOCOL_INVALID` naming the field and the problem.
 * @example
 * const message = validateClientMessage(parseClientFrame(frame));
 * if (message.type === 'action') await table.dispatch(message.action, userId);
 */
export function validateClientMessage(value: Record<string, unknown>): ClientMessage {
  const type = value['type'];
  if (typeof type !== 'string' || !(CLIENT_MESSAGE_TYPES as readonly string[]).includes(type)) {
    throw new VttError('VTT_ERR_PROTOCOL_UNKNOWN_MESSAGE', {
      type: typeof type === 'string' ? type.slice(0, 64) : String(type),
      known: CLIENT_MESSAGE_TYPES.join(', '),
    });
  }
  const validate = validatorFor(type as ClientMessageType);
  if (!validate(value)) {
    const error = validate.errors?.[0];
    const extra = (error?.params as { additionalProperty?: string } | undefined)
      ?.additionalProperty;
    const missing = (error?.params as { missingProperty?: string } | undefined)?.missingProperty;
    const field = extra ?? missing;
    throw new VttError('VTT_ERR_PROTOCOL_INVALID', {
      pointer: `${error?.instancePath ?? ''}${field === undefined ? '' : `/${field}`}` || '/',
      problem:
        extra !== undefined
          ? 'it is not a field of this message'
          : (error?.message ?? 'it does not match the schema'),
    });
  }
  return value as unknown as ClientMessage;
}
