/**
 * The campaign's past over HTTP (plugin `vtt-history`): the chat history
 * and the activity log, paged newest first and projected for the
 * requester exactly as their socket would have received each event, so a
 * page never holds a whisper to someone else, a blind roll's result or an
 * event about a document they could not see at the time.
 */
import type { ChatMessage, ViewEvent } from '@vtt/core';
import fp from 'fastify-plugin';
import { requireAccess } from '../campaigns/campaign-access.js';
import { authenticate, userOf } from '../campaigns/request-user.js';
import { chatPageSchema, logPageSchema } from './history-schemas.js';
import { projectedHistory } from './projected-history.js';

interface Params {
  readonly campaignId: string;
}

interface PageQuery {
  readonly before?: number;
  readonly limit?: number;
}

interface LogQuery extends PageQuery {
  readonly type?: string;
  readonly user?: string;
  readonly since?: number;
  readonly until?: number;
}

/** Adds `GET /api/campaigns/:campaignId/chat` and `GET /api/campaigns/:campaignId/log`. */
export const historyPlugin = fp(
  async (app) => {
    const preValidation = authenticate(app);

    app.get<{ Params: Params; Querystring: PageQuery }>(
      '/api/campaigns/:campaignId/chat',
      {
        schema: {
          ...chatPageSchema,
          summary:
            'A page of chat history, newest first, as the requester saw it: whispers to others and deleted messages left out.',
          tags: ['history'],
        },
        preValidation,
      },
      async (request) => {
        const { campaignId } = request.params;
        await requireAccess(app.db, campaignId, userOf(request).userId);
        const deleted = new Set(
          (
            await app.db
              .selectFrom('events')
              .select('event')
              .where('campaign_id', '=', campaignId)
              .where('type', '=', 'core:message-deleted')
              .execute()
          ).map(
            (row) =>
              (JSON.parse(row.event) as { payload: { messageId: string } }).payload.messageId,
          ),
        );
        const page = await projectedHistory(app.db, campaignId, userOf(request).userId, {
          ...(request.query.before !== undefined ? { before: request.query.before } : {}),
          limit: request.query.limit ?? 50,
          keep: (e) => e.type === 'core:message-posted' && !deleted.has(e.payload.message.id),
        });
        return { messages: page.events.map(toMessage), next: page.next };
      },
    );

    app.get<{ Params: Params; Querystring: LogQuery }>(
      '/api/campaigns/:campaignId/log',
      {
        schema: {
          ...logPageSchema,
          summary:
            'A page of the activity log, newest first, projected for the requester; filtered by event type, author and time.',
          tags: ['history'],
        },
        preValidation,
      },
      async (request) => {
        const { campaignId } = request.params;
        await requireAccess(app.db, campaignId, userOf(request).userId);
        const q = request.query;
        const types = q.type === undefined ? null : new Set(q.type.split(','));
        const keep = (e: ViewEvent): boolean =>
          (types === null || types.has(e.type)) &&
          (q.user === undefined || e.author === q.user) &&
          (q.since === undefined || e.time >= q.since) &&
          (q.until === undefined || e.time < q.until);
        const page = await projectedHistory(app.db, campaignId, userOf(request).userId, {
          ...(q.before !== undefined ? { before: q.before } : {}),
          limit: q.limit ?? 50,
          keep,
        });
        return page;
      },
    );
  },
  { name: 'vtt-history', dependencies: ['vtt-persistence', 'vtt-auth', 'vtt-campaigns'] },
);

/** A projected `core:message-posted` as the chat message it put in the state. */
function toMessage(e: ViewEvent): ChatMessage {
  if (e.type !== 'core:message-posted') throw new Error(`not a message: ${e.type}`);
  return { ...e.payload.message, seq: e.seq, author: e.payload.author ?? e.author, time: e.time };
}
