/**
 * The campaign's sessions over HTTP (part of plugin `vtt-history`): the
 * list, and one session's document (Markdown or HTML) with its chat, its
 * rolls die by die, its timeline entries and its other events in the
 * log's order, projected for the requester by the same walk as the log's
 * export, so a player's document never holds what the GM hid from them.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireAccess } from '../campaigns/campaign-access.js';
import { userOf } from '../campaigns/request-user.js';
import { requireSession, sessionSummaries } from './campaign-sessions.js';
import { deletedMessageIds, withoutDeleted } from './deleted-messages.js';
import { sessionExportSchema, sessionListSchema } from './history-schemas.js';
import { logFilter, type LogFilters } from './log-filters.js';
import { projectedForward } from './projected-history.js';
import {
  exportSession,
  SESSION_FORMATS,
  sessionFileName,
  type SessionFormat,
} from './session-export.js';
import { SESSION_HTML_CSP } from './session-html.js';

interface ListParams {
  readonly campaignId: string;
}

interface ExportParams extends ListParams {
  readonly session: number;
}

interface ExportQuery extends LogFilters {
  readonly format?: SessionFormat;
}

/**
 * Adds `GET /api/campaigns/:campaignId/sessions` and
 * `GET /api/campaigns/:campaignId/sessions/:session/export` to `app`
 * (called by the history plugin, with its authentication hook).
 *
 * @example
 * sessionRoutes(app, authenticate(app));
 */
export function sessionRoutes(
  app: FastifyInstance,
  preValidation: (request: FastifyRequest) => Promise<void>,
): void {
  app.get<{ Params: ListParams }>(
    '/api/campaigns/:campaignId/sessions',
    {
      schema: {
        ...sessionListSchema,
        summary:
          "The campaign's sessions (its dice sessions), oldest first: number, start and end, and how many of their events the requester received.",
        tags: ['history'],
      },
      preValidation,
    },
    async (request) => {
      const { campaignId } = request.params;
      const viewerId = userOf(request).userId;
      const campaign = await requireAccess(app.db, campaignId, viewerId);
      return { sessions: await sessionSummaries(app.db, campaignId, viewerId, campaign.createdAt) };
    },
  );

  app.get<{ Params: ExportParams; Querystring: ExportQuery }>(
    '/api/campaigns/:campaignId/sessions/:session/export',
    {
      schema: {
        ...sessionExportSchema,
        summary:
          "One session as a readable document (Markdown or HTML): chat, rolls with every die, timeline entries and events in order, projected for the requester; the log page's filters apply.",
        tags: ['history'],
      },
      preValidation,
    },
    async (request, reply) => {
      const { campaignId, session } = request.params;
      const viewerId = userOf(request).userId;
      const campaign = await requireAccess(app.db, campaignId, viewerId);
      const span = await requireSession(app.db, campaignId, campaign.createdAt, session);
      const { format = 'md', ...filters } = request.query;
      const unDeleted = withoutDeleted(await deletedMessageIds(app.db, campaignId));
      const filtered = logFilter(filters);
      const entries = projectedForward(
        app.db,
        campaignId,
        viewerId,
        (e, context) => unDeleted(e, context) && filtered(e, context),
        { from: span.fromSeq, ...(span.toSeq === null ? {} : { to: span.toSeq }) },
      );
      const text = exportSession(entries, format, {
        campaignName: campaign.name,
        session,
        startedAt: span.startedAt,
        endedAt: span.endedAt,
      });
      if (format === 'html') reply.header('content-security-policy', SESSION_HTML_CSP);
      return reply
        .type(SESSION_FORMATS[format].contentType)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `attachment; filename="${sessionFileName(campaign.name, session, format)}"`,
        )
        .send(Readable.from(text));
    },
  );
}
