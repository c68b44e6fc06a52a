/**
 * `GET /metrics` (plugin `vtt-metrics`): the server's Prometheus metrics in
 * the text format, for the server's admins: a login or an admin's API token
 * with `server:metrics` (a Prometheus scraper). Decorates `metrics`
 * ({@link ServerMetrics}), which the tables, the sandbox host and the live
 * sockets record into.
 */
import fp from 'fastify-plugin';
import { VttError } from '@vtt/core';
import { ServerMetrics } from '../metrics/server-metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's metrics, which the other plugins record into. */
    metrics: ServerMetrics;
  }
}

/** Decorates `metrics`; adds `GET /metrics`. */
export const metricsPlugin = fp(
  async (app) => {
    const metrics = new ServerMetrics();
    app.decorate('metrics', metrics);

    app.get(
      '/metrics',
      {
        schema: {
          summary:
            "The server's metrics in Prometheus text format (admins, or an admin's API token with server:metrics): sockets, tables, requests and their latency, refusals by code, sandbox calls, quarantined modules, database appends, event-loop lag, memory.",
          tags: ['server'],
          security: [{ bearer: [] }],
          response: { 200: { type: 'string' } },
        },
      },
      async (request, reply) => {
        // A token passes requireUser only with server:metrics; its user must still be an admin.
        const user = await app.auth.requireUser(request);
        if (!user.isAdmin) throw new VttError('VTT_ERR_AUTH_ADMIN_ONLY');
        const text = await metrics.registry.metrics();
        return reply.header('content-type', metrics.registry.contentType).send(text);
      },
    );
  },
  { name: 'vtt-metrics', dependencies: ['vtt-auth'] },
);
