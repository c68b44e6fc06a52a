/**
 * Live tables over WebSocket (plugin `vtt-realtime`): the socket route,
 * authenticated and Origin-checked before the upgrade; one-time tickets for
 * browsers; pings and idle closes; and the bus notifications that close or
 * re-filter sockets at once (a session or an API token revoked, a member removed, a
 * campaign archived or deleted). See docs/reference/protocol.md.
 */
import websocket from '@fastify/websocket';
import { CLOSE_CODE_REASONS, CLOSE_CODES, PROTOCOL_LIMITS, VttError } from '@vtt/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { answer, bearer, body, errorAnswer, idParam } from '../../http/route-schemas.js';
import type { AuthUser } from '../../server-types.js';
import { requireRouteScope } from '../auth/api-scopes.js';
import { authenticate, userOf } from '../campaigns/request-user.js';
import { isEmbedOrigin } from '../embed-origins-plugin.js';
import { LiveConnection } from './live-connection.js';
import { LiveTickets, TICKET_TTL_MS } from './live-tickets.js';
import { TableRoom } from './table-room.js';

const tags = ['live'];

/**
 * The origin a browser's socket must come from: the public URL's, else the
 * address it asked for; or one of the server's `embedOrigins`.
 */
function expectedOrigin(app: FastifyInstance, request: FastifyRequest): string {
  const publicUrl = app.vttConfig.publicUrl;
  return publicUrl !== null ? new URL(publicUrl).origin : `${request.protocol}://${request.host}`;
}

/** Decorates nothing; adds `GET /api/campaigns/:campaignId/live` and `POST .../live-ticket`. */
export const realtimePlugin = fp(
  async (app) => {
    const config = app.vttConfig;
    const tickets = new LiveTickets();
    const rooms = new Map<string, TableRoom>();
    const connections = new Set<LiveConnection>();
    const users = new WeakMap<FastifyRequest, AuthUser>();

    await app.register(websocket, {
      options: { maxPayload: PROTOCOL_LIMITS.maxMessageBytes },
      // Every socket hears why it closes; the tables then finish their requests and unload.
      preClose: async () => {
        for (const connection of [...connections]) connection.close(CLOSE_CODES.GOING_AWAY);
        for (const client of app.websocketServer.clients) {
          client.close(CLOSE_CODES.GOING_AWAY, CLOSE_CODE_REASONS[CLOSE_CODES.GOING_AWAY]);
        }
        await new Promise<void>((done) => app.websocketServer.close(() => done()));
      },
    });

    /** The room of a campaign's live table; a table that was reloaded gets a new room. */
    const roomFor = async (campaignId: string): Promise<TableRoom> => {
      const table = await app.liveTables.open(campaignId);
      let room = rooms.get(campaignId);
      if (room === undefined || room.table !== table) {
        room?.closeAll(CLOSE_CODES.GOING_AWAY);
        room = new TableRoom(table, app.log);
        rooms.set(campaignId, room);
      }
      return room;
    };

    app.post<{ Params: { campaignId: string } }>(
      '/api/campaigns/:campaignId/live-ticket',
      {
        schema: {
          summary:
            "A one-time ticket for opening the campaign's live socket from a browser (`?ticket=`), valid 30 s.",
          tags,
          security: bearer,
          params: { type: 'object', required: ['campaignId'], properties: { campaignId: idParam } },
          body: body({}),
          response: {
            200: answer({ ticket: { type: 'string' }, expiresIn: { type: 'integer' } }, [
              'ticket',
              'expiresIn',
            ]),
            401: errorAnswer,
            404: errorAnswer,
          },
        },
        preValidation: authenticate(app),
      },
      async (request) => {
        const user = userOf(request);
        const { campaignId } = request.params;
        await app.campaigns.requireMember(campaignId, user.userId);
        const accessToken = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')![1]!;
        return {
          ticket: tickets.issue({ accessToken, userId: user.userId, campaignId }),
          expiresIn: TICKET_TTL_MS / 1000,
        };
      },
    );

    app.get<{ Params: { campaignId: string }; Querystring: { ticket?: string } }>(
      '/api/campaigns/:campaignId/live',
      {
        websocket: true,
        schema: {
          summary:
            "The campaign's live table over WebSocket (see docs/reference/protocol.md); authenticated by a bearer token or a one-time ticket.",
          tags,
          security: bearer,
          params: { type: 'object', required: ['campaignId'], properties: { campaignId: idParam } },
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { ticket: { type: 'string', minLength: 1, maxLength: 128 } },
          },
        },
        // Before the upgrade: a refusal is a plain HTTP answer, and nothing of the table is touched.
        preValidation: async (request) => {
          const origin = request.headers.origin;
          if (
            origin !== undefined &&
            origin !== expectedOrigin(app, request) &&
            !isEmbedOrigin(app, origin)
          ) {
            throw new VttError('VTT_ERR_AUTH_ORIGIN', { origin: origin.slice(0, 200) });
          }
          const query = request.query as { ticket?: unknown };
          const { campaignId } = request.params as { campaignId: string };
          const user =
            typeof query.ticket === 'string'
              ? await app.auth.verifyAccessToken(tickets.redeem(query.ticket, campaignId))
              : await app.auth.requireUser(request);
          // An API token needs tables:observe or tables:act, whichever way it came.
          requireRouteScope(user, request);
          await app.campaigns.requireMember(campaignId, user.userId);
          users.set(request, user);
        },
      },
      (socket, request) => {
        const user = users.get(request)!;
        const { campaignId } = request.params;
        const connection = new LiveConnection(socket, user, campaignId, {
          room: () => roomFor(campaignId),
          log: app.log,
          onClosed: (c) => connections.delete(c),
          metrics: app.metrics,
        });
        connections.add(connection);
      },
    );

    app.metrics.setSources({ connectedClients: () => connections.size });

    const closeWhere = (test: (c: LiveConnection) => boolean, code: number): void => {
      for (const c of [...connections]) if (test(c)) c.close(code as never);
    };
    const offs = [
      app.bus.on('sessions-revoked', ({ sessionIds }) => {
        const ended = new Set(sessionIds);
        closeWhere((c) => c.sessionId !== null && ended.has(c.sessionId), CLOSE_CODES.UNAUTHORIZED);
      }),
      app.bus.on('api-tokens-revoked', ({ tokenIds }) => {
        const ended = new Set(tokenIds);
        closeWhere((c) => c.tokenId !== null && ended.has(c.tokenId), CLOSE_CODES.UNAUTHORIZED);
      }),
      app.bus.on('member-changed', ({ campaignId, userId, role }) => {
        // A new role reaches the socket as `core:view-replaced`; a removed member's socket closes.
        if (role === null) {
          closeWhere(
            (c) => c.campaignId === campaignId && c.userId === userId,
            CLOSE_CODES.FORBIDDEN,
          );
        }
      }),
      app.bus.on('campaign-closed', ({ campaignId }) => {
        closeWhere((c) => c.campaignId === campaignId, CLOSE_CODES.NOT_FOUND);
        rooms.get(campaignId)?.closeAll(CLOSE_CODES.NOT_FOUND);
        rooms.delete(campaignId);
      }),
    ];

    const heartbeat = setInterval(() => {
      const idleMs = Math.min(config.liveIdleMs, 2 * config.livePingMs + 1_000);
      for (const c of [...connections]) c.heartbeat(idleMs);
      for (const [id, room] of rooms) {
        if (room.table.broken && room.size === 0) {
          room.closeAll(CLOSE_CODES.GOING_AWAY);
          rooms.delete(id);
        }
      }
    }, config.livePingMs);
    heartbeat.unref();

    app.addHook('onClose', async () => {
      clearInterval(heartbeat);
      for (const off of offs) off();
      tickets.clear();
      rooms.clear();
    });
  },
  {
    name: 'vtt-realtime',
    dependencies: ['vtt-auth', 'vtt-campaigns', 'vtt-tables'],
  },
);
