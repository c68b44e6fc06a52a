/**
 * The campaign's past over HTTP (plugin `vtt-history`): the chat history
 * and the activity log, paged newest first, the log's export, oldest
 * first and streamed, and each session's document; all projected for the
 * requester exactly as their socket would have received each event, so
 * nothing here holds a whisper to someone else, a blind roll's result or
 * an event about a document they could not see at the time.
 */
import { Readable } from 'node:stream';
import type { ChatMessage, ViewEvent } from '@vtt/core';
import fp from 'fastify-plugin';
import { requireAccess } from '../campaigns/campaign-access.js';
import { authenticate, userOf } from '../campaigns/request-user.js';
import { deletedMessageIds } from './deleted-messages.js';
import { chatPageSchema, logExportSchema, logPageSchema } from './history-schemas.js';
import { EXPORT_FORMATS, exportFileName, exportLog, type ExportFormat } from './log-export.js';
import { logFilter, type LogFilters } from './log-filters.js';
import { projectedForward, projectedHistory } from './projected-history.js';
import { sessionRoutes } from './session-routes.js';
import { combatRoutes } from './combat-routes.js';

interface Params {
  readonly campaignId: string;
}

interface PageQuery {
  readonly before?: number;
  readonly limit?: number;
}

type LogQuery = PageQuery & LogFilters;

interface ExportQuery extends LogFilters {
  readonly format?: ExportFormat;
}

/**
 * Adds `GET /api/campaigns/:campaignId/chat`, `GET /api/campaigns/:campaignId/log`,
 * `GET /api/campaigns/:campaignId/log/export`, and the sessions' list and
 * documents (`session-routes.ts`).
 */
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
        const deleted = await deletedMessageIds(app.db, campaignId);
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
            'A page of the activity log, newest first, projected for the requester; filtered by event type, category, author, actor, time and text.',
          tags: ['history'],
        },
        preValidation,
      },
      async (request) => {
        const { campaignId } = request.params;
        await requireAccess(app.db, campaignId, userOf(request).userId);
        const { before, limit, ...filters } = request.query;
        return projectedHistory(app.db, campaignId, userOf(request).userId, {
          ...(before !== undefined ? { before } : {}),
          limit: limit ?? 50,
          keep: logFilter(filters),
        });
      },
    );

    app.get<{ Params: Params; Querystring: ExportQuery }>(
      '/api/campaigns/:campaignId/log/export',
      {
        schema: {
          ...logExportSchema,
          summary:
            "The whole activity log as a file (JSON, CSV or Markdown), oldest first, projected for the requester; the log page's filters apply.",
          tags: ['history'],
        },
        preValidation,
      },
      async (request, reply) => {
        const { campaignId } = request.params;
        const viewerId = userOf(request).userId;
        const campaign = await requireAccess(app.db, campaignId, viewerId);
        const { format = 'json', ...filters } = request.query;
        const entries = projectedForward(app.db, campaignId, viewerId, logFilter(filters));
        const text = exportLog(entries, { format, campaignName: campaign.name });
        return reply
          .type(EXPORT_FORMATS[format].contentType)
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="${exportFileName(campaign.name, format)}"`,
          )
          .send(Readable.from(text));
      },
    );

    sessionRoutes(app, preValidation);
    combatRoutes(app, preValidation);
  },
  { name: 'vtt-history', dependencies: ['vtt-persistence', 'vtt-auth', 'vtt-campaigns'] },
);

/** A projected `core:message-posted` as the chat message it put in the state. */
function toMessage(e: ViewEvent): ChatMessage {
  if (e.type !== 'core:message-posted') throw new Error(`not a message: ${e.type}`);
  return { ...e.payload.message, seq: e.seq, author: e.payload.author ?? e.author, time: e.time };
}
