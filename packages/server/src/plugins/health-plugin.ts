/**
 * `GET /healthz` (the process is up and its database answers) and
 * `GET /readyz` (it can serve tables: database and sandbox workers answer,
 * and it is not shutting down). A load balancer sends players only to a
 * ready server; an orchestrator restarts one that is not healthy.
 */
import { sql } from 'kysely';
import fp from 'fastify-plugin';

/** How long a readiness check waits for the sandbox workers. */
const SANDBOX_CHECK_MS = 2_000;

const okSchema = {
  type: 'object',
  properties: { ok: { type: 'boolean' } },
  required: ['ok'],
} as const;

const readySchema = {
  type: 'object',
  required: ['ready', 'checks'],
  properties: {
    ready: { type: 'boolean' },
    checks: {
      type: 'object',
      required: ['database', 'sandbox', 'accepting'],
      properties: {
        database: { type: 'string', enum: ['ok', 'failing'] },
        sandbox: { type: 'string', enum: ['ok', 'failing'] },
        accepting: { type: 'string', enum: ['ok', 'shutting down'] },
      },
    },
  },
} as const;

/** Adds `/healthz` and `/readyz`. */
export const healthPlugin = fp(
  async (app) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });

    app.get(
      '/healthz',
      {
        schema: {
          summary: 'Answers 200 once the server can serve (its database answers).',
          tags: ['server'],
          response: { 200: okSchema },
        },
      },
      async (_request, reply) => {
        await sql`select 1`.execute(app.db);
        return reply.send({ ok: true });
      },
    );

    app.get(
      '/readyz',
      {
        schema: {
          summary:
            'Answers 200 while the server can serve tables (database and sandbox workers answer, not shutting down), else 503 with the failing checks.',
          tags: ['server'],
          response: { 200: readySchema, 503: readySchema },
        },
      },
      async (_request, reply) => {
        const database = await sql`select 1`
          .execute(app.db)
          .then(() => 'ok' as const)
          .catch(() => 'failing' as const);
        let timer: NodeJS.Timeout | undefined;
        const sandbox = await Promise.race([
          app.sandbox
            .stats()
            .then((workers) => (workers.every((w) => w.answered) ? ('ok' as const) : 'failing')),
          new Promise<'failing'>((resolve) => {
            timer = setTimeout(() => resolve('failing'), SANDBOX_CHECK_MS);
          }),
        ])
          .catch(() => 'failing' as const)
          .finally(() => clearTimeout(timer));
        const accepting = closing ? ('shutting down' as const) : ('ok' as const);
        const ready = database === 'ok' && sandbox === 'ok' && accepting === 'ok';
        return reply
          .status(ready ? 200 : 503)
          .send({ ready, checks: { database, sandbox, accepting } });
      },
    );
  },
  { name: 'vtt-health', dependencies: ['vtt-persistence', 'vtt-tables'] },
);
