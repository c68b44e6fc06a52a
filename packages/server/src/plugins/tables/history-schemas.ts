/** JSON Schemas of the chat history, activity log and session routes. */
import { errorAnswer } from '../../http/route-schemas.js';
import { LOG_CATEGORIES } from './log-categories.js';
import { EXPORT_FORMATS } from './log-export.js';
import { SESSION_FORMATS } from './session-export.js';

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

/** One of the log's categories, or several comma-separated. */
const categoryList = (() => {
  const one = `(${Object.values(LOG_CATEGORIES).join('|')})`;
  return `^${one}(,${one})*$`;
})();

/** The filters of the activity log, its pages and its exports alike. */
const logFilters = {
  type: {
    type: 'string',
    minLength: 1,
    maxLength: 1000,
    description: 'Event types, comma-separated.',
  },
  /** See `log-categories.ts`. */
  category: {
    type: 'string',
    maxLength: 200,
    pattern: categoryList,
    description: `Categories, comma-separated: ${Object.values(LOG_CATEGORIES).join(', ')}.`,
  },
  user: { type: 'string', minLength: 1, maxLength: 128, description: "The author's user id." },
  /** See `namesActor` in `log-filters.ts`. */
  actor: {
    type: 'string',
    minLength: 1,
    maxLength: 128,
    description: 'An actor id: events about the actor, its items, effects and tokens.',
  },
  text: {
    type: 'string',
    minLength: 1,
    maxLength: 200,
    description: 'Text the event (as JSON) holds, ignoring case.',
  },
  since: {
    type: 'integer',
    minimum: 0,
    description: 'At or after this time (ms since the epoch).',
  },
  until: { type: 'integer', minimum: 0, description: 'Before this time (ms since the epoch).' },
} as const;

/** `GET /api/campaigns/:campaignId/log`. */
export const logPageSchema = {
  params,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: { ...paging, ...logFilters },
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

/** `GET /api/campaigns/:campaignId/log/export`: the body is a stream, not serialised by Fastify. */
export const logExportSchema = {
  params,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...logFilters,
      /** The file's format (default `json`). */
      format: {
        type: 'string',
        enum: Object.keys(EXPORT_FORMATS),
        description: 'json (one array), csv (RFC 4180) or md (Markdown); default json.',
      },
    },
  },
  response: {
    200: {
      description: 'The file, as an attachment, oldest event first',
      content: Object.fromEntries(
        Object.values(EXPORT_FORMATS).map((f) => [
          f.contentType.split(';')[0]!,
          { schema: { type: 'string' } },
        ]),
      ),
    },
    404: errorAnswer,
  },
} as const;

/** A session as the sessions list gives it (see `campaign-sessions.ts`). */
const sessionSummary = {
  type: 'object',
  required: ['session', 'startedAt', 'endedAt', 'fromSeq', 'toSeq', 'events'],
  properties: {
    session: { type: 'integer', description: 'Its number: 1, 2, ... (the dice session).' },
    startedAt: { type: 'integer', description: 'When it began (ms since the epoch).' },
    endedAt: { type: ['integer', 'null'], description: 'When it ended; null while it runs.' },
    fromSeq: { type: 'integer', description: 'Its first seq in the log.' },
    toSeq: { type: ['integer', 'null'], description: 'Its last seq; null while it runs.' },
    events: { type: 'integer', description: 'Its events the requester received.' },
  },
} as const;

/** `GET /api/campaigns/:campaignId/sessions`. */
export const sessionListSchema = {
  params,
  response: {
    200: {
      type: 'object',
      required: ['sessions'],
      properties: { sessions: { type: 'array', items: sessionSummary } },
    },
    404: errorAnswer,
  },
} as const;

/** `GET /api/campaigns/:campaignId/sessions/:session/export`: the body is a stream. */
export const sessionExportSchema = {
  params: {
    type: 'object',
    required: ['campaignId', 'session'],
    additionalProperties: false,
    properties: {
      ...params.properties,
      session: { type: 'integer', minimum: 1, description: 'The session number.' },
    },
  },
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...logFilters,
      /** The document's format (default `md`). */
      format: {
        type: 'string',
        enum: Object.keys(SESSION_FORMATS),
        description: 'md (Markdown) or html (one self-contained page); default md.',
      },
    },
  },
  response: {
    200: {
      description: 'The document, as an attachment, oldest event first',
      content: Object.fromEntries(
        Object.values(SESSION_FORMATS).map((f) => [
          f.contentType.split(';')[0]!,
          { schema: { type: 'string' } },
        ]),
      ),
    },
    404: errorAnswer,
  },
} as const;
