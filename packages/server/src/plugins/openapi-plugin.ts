/**
 * The OpenAPI document of every HTTP route, generated from the routes' own
 * JSON schemas (@fastify/swagger) and served at `GET /api/openapi.json`.
 * Registered before the routes, so it sees all of them.
 */
import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';

/** Adds the OpenAPI generator and `/api/openapi.json`. */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'VTT server',
          description:
            'Accounts, campaigns, members, invites, assets and table history. Live tables use the ' +
            'WebSocket protocol of docs/reference/protocol.md.',
          version: '0.1.0',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
    });
    app.get('/api/openapi.json', { schema: { hide: true } as object }, async () => app.swagger());
  },
  { name: 'vtt-openapi' },
);
