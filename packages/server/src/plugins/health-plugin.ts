/** `GET /healthz`: 200 once the server can serve (the database answers). */
import { sql } from 'kysely';
import fp from 'fastify-plugin';

/** Adds `/healthz`. */
export const healthPlugin = fp(
  async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          summary: 'Answers 200 once the server can serve (its database answers).',
          tags: ['server'],
          response: {
            200: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
          },
        },
      },
      async (_request, reply) => {
        await sql`select 1`.execute(app.db);
        return reply.send({ ok: true });
      },
    );
  },
  { name: 'vtt-health', dependencies: ['vtt-persistence'] },
);
