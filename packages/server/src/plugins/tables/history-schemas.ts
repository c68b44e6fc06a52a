/** JSON Schemas of the chat history and activity log routes. */
import { errorAnswer } from '../../http/route-schemas.js';

const params = {
  type: 'object',
  required: ['campaignId'],
  additionalProperties: false,
  properties: { campaignId: { type: 'string', minLength: 1, maxLength: 128 } },
} as const;

const paging = {
  /** Only entries older than this seq: the previous page's `next`. */
  before: { type: 'integer', minimum: 1 },
  /** Entries per page (default 50). */
  limit: { type: 'integer', minimum: 1, maximum: 200 },
} as const;

/** `next`: the `before` of the following (older) page; null when this page reaches the start. */
const next = { type: ['integer', 'null'] } as const;

/** `GET /api/campaigns/:campaignId/chat`. */
export const chatPageSchema = {
  params,
  querystring: { type: 'object', additionalProperties: false, properties: paging },
  response: {
    200: {
      type: 'object',
      required: ['messages', 'next'],
      properties: {
        messages: { type: 'array', items: { type: 'object', additionalProperties: true } },
        next,
      },
    },
    404: errorAnswer,
  },
} as const;

/** `GET /api/campaigns/:campaignId/log`. */
export const logPageSchema = {
  params,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...paging,
      /** Event types, comma-separated (`core:token-moved,core:message-posted`). */
      type: { type: 'string', minLength: 1, maxLength: 1000 },
      /** Only events caused by this user id. */
      user: { type: 'string', minLength: 1, maxLength: 128 },
      /** Only events at or after this time (ms since the epoch). */
      since: { type: 'integer', minimum: 0 },
      /** Only events before this time (ms since the epoch). */
      until: { type: 'integer', minimum: 0 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['events', 'next'],
      properties: {
        events: { type: 'array', items: { type: 'object', additionalProperties: true } },
        next,
      },
    },
    404: errorAnswer,
  },
} as const;
