/**
 * JSON Schemas of the client messages (draft 2020-12, for ajv), one per
 * `type`. The server checks every message against its schema after the
 * size, depth and key checks of `checkWireShape`; the payload of an action
 * is checked afterwards against that action's own schema.
 */
import { ACTION_LIMITS } from '../actions/schema-parts.js';
import type { ClientMessageType } from './protocol-messages.js';
import { EPHEMERAL_KINDS } from './protocol-messages.js';
import { PROTOCOL_LIMITS } from './protocol-limits.js';

const id = { type: 'string', minLength: 1, maxLength: ACTION_LIMITS.idLength } as const;
const clientId = {
  type: 'string',
  minLength: 1,
  maxLength: PROTOCOL_LIMITS.maxClientIdLength,
} as const;
const name = { type: 'string', minLength: 1, maxLength: ACTION_LIMITS.nameLength } as const;
const speaker = { anyOf: [id, { type: 'null' }] } as const;
const coordinate = { type: 'number', minimum: -1e7, maximum: 1e7 } as const;

function message(
  type: ClientMessageType,
  properties: Record<string, unknown>,
  required: readonly string[] = [],
): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['type', ...required],
    properties: { type: { const: type }, ...properties },
  };
}

/** The schema of each client message, by `type`. */
export const CLIENT_MESSAGE_SCHEMAS: Readonly<Record<ClientMessageType, Record<string, unknown>>> =
  Object.freeze({
    join: message('join', { since: { type: 'integer', minimum: 0 } }),
    action: message(
      'action',
      {
        id: clientId,
        action: {
          type: 'object',
          additionalProperties: false,
          required: ['type'],
          properties: { type: { type: 'string', minLength: 1, maxLength: 128 }, payload: {} },
        },
      },
      ['id', 'action'],
    ),
    roll: message('roll', { id: clientId, name, actorId: speaker, args: {}, moduleId: id }, [
      'id',
      'name',
    ]),
    initiative: message(
      'initiative',
      { id: clientId, combatantIds: { type: 'array', maxItems: 256, items: id }, args: {} },
      ['id'],
    ),
    chat: message(
      'chat',
      { id: clientId, text: { type: 'string', maxLength: ACTION_LIMITS.chatLength }, speaker },
      ['id', 'text'],
    ),
    macro: message('macro', { id: clientId, name, args: {}, moduleId: id, speaker }, [
      'id',
      'name',
    ]),
    derived: message('derived', { id: clientId, actorId: id }, ['id', 'actorId']),
    'restart-module': message('restart-module', { id: clientId, moduleId: id }, ['id', 'moduleId']),
    ephemeral: message(
      'ephemeral',
      {
        kind: { enum: [...EPHEMERAL_KINDS] },
        sceneId: id,
        tokenId: id,
        x: coordinate,
        y: coordinate,
        typing: { type: 'boolean' },
      },
      ['kind'],
    ),
  });
