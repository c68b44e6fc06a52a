/**
 * Checks a bundle's `vttDescribe` reply field by field, before anything it
 * registered is used: a bundle that answers with missing or mistyped fields
 * is refused with `VTT_ERR_MODULE_BAD_REPLY` naming the field, and unknown
 * fields are dropped.
 */
import {
  MODULE_PROTOCOL_VERSION,
  VttError,
  type JsonValue,
  type ModuleDescription,
} from '@vtt/core';
import {
  badReply,
  numberAt,
  objectAt,
  optionalString,
  recordAt,
  stringAt,
  stringsAt,
  type ReplyAt,
} from './reply-shape.js';

/**
 * The description in a `vttDescribe` reply, checked. `fallbackId` names
 * the module in errors until the reply's own id is known.
 */
export function checkDescription(fallbackId: string, value: JsonValue): ModuleDescription {
  const found = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  if (found['protocol'] !== MODULE_PROTOCOL_VERSION) {
    throw new VttError('VTT_ERR_MODULE_PROTOCOL_MISMATCH', {
      moduleId: fallbackId,
      found: String(found['protocol']),
      expected: MODULE_PROTOCOL_VERSION,
    });
  }
  let at: ReplyAt = { moduleId: fallbackId, call: 'describe' };
  const reply = objectAt(at, value, '');
  const id = stringAt(at, reply['id'], '/id');
  if (id.length === 0 || id.length > 64) throw badReply(at, '/id', 'expected 1 to 64 characters');
  at = { moduleId: id, call: 'describe' };
  const hooks = objectAt(at, reply['hooks'], '/hooks');
  const step = reply['initiativePassStep'];
  if (typeof reply['initiative'] !== 'boolean')
    throw badReply(at, '/initiative', 'expected true or false');
  return {
    protocol: MODULE_PROTOCOL_VERSION,
    id,
    actions: recordAt(at, reply['actions'], '/actions', (spec, pointer, name) => {
      if (!name.startsWith(`${id}:`))
        throw badReply(at, pointer, `an action name must start with "${id}:"`);
      const action = objectAt(at, spec, pointer);
      if (!('schema' in action)) throw badReply(at, `${pointer}/schema`, 'expected a JSON Schema');
      const description = optionalString(at, action['description'], `${pointer}/description`);
      return { schema: action['schema']!, ...(description === undefined ? {} : { description }) };
    }),
    hooks: {
      before: stringsAt(at, hooks['before'], '/hooks/before'),
      after: stringsAt(at, hooks['after'], '/hooks/after'),
    },
    derived: stringsAt(at, reply['derived'], '/derived'),
    initiative: reply['initiative'],
    initiativePassStep:
      step === null || step === undefined ? null : positive(at, step, '/initiativePassStep'),
    rolls: recordAt(at, reply['rolls'], '/rolls', (spec, pointer) => {
      const roll = objectAt(at, spec, pointer);
      const label = optionalString(at, roll['label'], `${pointer}/label`);
      return {
        ...(label === undefined ? {} : { label }),
        ...(roll['args'] === undefined ? {} : { args: roll['args'] }),
      };
    }),
    chatCommands: recordAt(at, reply['chatCommands'], '/chatCommands', (spec, pointer) => {
      const description = optionalString(
        at,
        objectAt(at, spec, pointer)['description'],
        `${pointer}/description`,
      );
      return description === undefined ? {} : { description };
    }),
    macros: recordAt(at, reply['macros'], '/macros', (spec, pointer) => {
      const label = optionalString(at, objectAt(at, spec, pointer)['label'], `${pointer}/label`);
      return label === undefined ? {} : { label };
    }),
  };
}

function positive(at: ReplyAt, value: JsonValue, pointer: string): number {
  const n = numberAt(at, value, pointer);
  if (n <= 0) throw badReply(at, pointer, 'expected a number above 0, or null');
  return n;
}
