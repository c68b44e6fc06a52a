/**
 * `/api/auth/tokens`: a logged-in user makes, lists and revokes their API
 * tokens. Only a login session may (a token never manages tokens); only an
 * admin may grant `server:metrics`; a revoked token's sockets close at once.
 */
import { VttError } from '@vtt/core';
import type { FastifyInstance } from 'fastify';
import { answer, bearer, body, errorAnswer, idParam } from '../../http/route-schemas.js';
import { authenticate, userOf } from '../campaigns/request-user.js';
import { ADMIN_SCOPES, API_SCOPE_LIST, type ApiScope } from './api-scopes.js';
import type { ApiTokens } from './api-tokens.js';

const tags = ['accounts'];
const nullableTime = { type: ['integer', 'null'] } as const;
const scopesSchema = {
  type: 'array',
  items: { type: 'string', enum: API_SCOPE_LIST },
  minItems: 1,
  maxItems: API_SCOPE_LIST.length,
  uniqueItems: true,
} as const;
const tokenFields = {
  id: { type: 'string' },
  name: { type: 'string' },
  scopes: { type: 'array', items: { type: 'string' } },
  createdAt: { type: 'integer' },
  expiresAt: nullableTime,
};
const tokenSchema = answer({ ...tokenFields, lastUsedAt: nullableTime, revokedAt: nullableTime }, [
  'id',
  'name',
  'scopes',
  'createdAt',
  'expiresAt',
  'lastUsedAt',
  'revokedAt',
]);

/** Adds the API token routes of the auth plugin. */
export function apiTokenRoutes(app: FastifyInstance, tokens: ApiTokens): void {
  // Before the body is checked: a token gets VTT_ERR_AUTH_SCOPE, never a validation answer.
  const preValidation = authenticate(app);
  app.post(
    '/api/auth/tokens',
    {
      schema: {
        summary:
          'Makes an API token for a program (a bot, an importer, a scraper); its secret is in this answer only.',
        description:
          'Scopes: campaigns:read, tables:observe, tables:act, modules:publish (on a registry), server:metrics and modules:install (admins). Only a login session may make tokens.',
        tags,
        security: bearer,
        body: body(
          {
            name: { type: 'string', minLength: 1, maxLength: 64 },
            scopes: scopesSchema,
            expiresInDays: { type: 'integer', minimum: 1, maximum: 3650 },
          },
          ['name', 'scopes'],
        ),
        response: {
          201: answer({ ...tokenFields, token: { type: 'string' } }, [
            ...Object.keys(tokenFields),
            'token',
          ]),
          401: errorAnswer,
          403: errorAnswer,
        },
      },
      preValidation,
    },
    async (request, reply) => {
      const user = userOf(request);
      const input = request.body as { name: string; scopes: ApiScope[]; expiresInDays?: number };
      if (input.scopes.some((scope) => ADMIN_SCOPES.includes(scope)) && !user.isAdmin) {
        throw new VttError('VTT_ERR_AUTH_ADMIN_ONLY');
      }
      const made = await tokens.create({ userId: user.userId, ...input });
      request.log.info({ tokenId: made.id, scopes: made.scopes }, 'API token created');
      return reply.status(201).send({
        id: made.id,
        name: made.name,
        scopes: made.scopes,
        token: made.token,
        createdAt: made.createdAt,
        expiresAt: made.expiresAt,
      });
    },
  );

  app.get(
    '/api/auth/tokens',
    {
      schema: {
        summary: "The logged-in user's API tokens (never their secrets), with their last use.",
        tags,
        security: bearer,
        response: {
          200: answer({ tokens: { type: 'array', items: tokenSchema } }, ['tokens']),
          401: errorAnswer,
          403: errorAnswer,
        },
      },
      preValidation,
    },
    async (request) => {
      const user = userOf(request);
      return { tokens: await tokens.list(user.userId) };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/auth/tokens/:id',
    {
      schema: {
        summary: 'Revokes an API token: it stops working and its sockets close at once.',
        tags,
        security: bearer,
        params: {
          type: 'object',
          additionalProperties: false,
          required: ['id'],
          properties: { id: idParam },
        },
        response: { 204: { type: 'null' }, 401: errorAnswer, 403: errorAnswer, 404: errorAnswer },
      },
      preValidation,
    },
    async (request, reply) => {
      const user = userOf(request);
      const { id } = request.params;
      await tokens.revoke(user.userId, id);
      await app.bus.emit('api-tokens-revoked', { tokenIds: [id] });
      request.log.info({ tokenId: id }, 'API token revoked');
      return reply.status(204).send();
    },
  );
}
