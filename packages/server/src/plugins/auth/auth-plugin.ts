/**
 * Accounts, sessions and access tokens: the setup link that makes the
 * first admin, login with rate limits, refresh, logout and password change
 * (both revoke sessions and close their sockets), admin-made accounts, and
 * the scoped API tokens of programs (api-tokens.ts, api-token-routes.ts).
 */
import { randomUUID } from 'node:crypto';
import { VttError } from '@vtt/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { answer, bearer, body, errorAnswer } from '../../http/route-schemas.js';
import type { AuthService, AuthUser, SessionTokens } from '../../server-types.js';
import { signAccessToken, verifyAccessJwt } from './access-tokens.js';
import { requireRouteScope } from './api-scopes.js';
import { apiTokenRoutes } from './api-token-routes.js';
import { ApiTokens, isApiToken } from './api-tokens.js';
import {
  displayNameSchema,
  loginAnswerSchema,
  NAME_PATTERN,
  nameSchema,
  passwordSchema,
  userSchema,
} from './auth-schemas.js';
import { LoginLimiter } from './login-limiter.js';
import { dummyHash, hashPassword, PASSWORD_LIMITS, verifyPassword } from './password.js';
import { newSecret, revokeSessions, secretHash, startSession } from './sessions.js';

const SETUP_KEY = 'setup_token_hash';
const REFRESH_COOKIE = 'vtt_refresh';

interface UserOut {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
}

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Decorates `auth` and `setupToken`; adds the account routes. */
export const authPlugin = fp(
  async (app) => {
    const { db, vttConfig: config } = app;
    const limiter = new LoginLimiter();
    const apiTokens = new ApiTokens(db, config.apiTokenRequestsPerMinute);
    const settings = {
      db,
      key: app.signingKey,
      accessTokenSeconds: config.accessTokenSeconds,
      sessionSeconds: config.sessionSeconds,
    };
    const secure = config.publicUrl?.startsWith('https:') === true;

    const userOut = async (userId: string): Promise<UserOut> => {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      return {
        id: row.id,
        name: row.name,
        displayName: row.display_name,
        isAdmin: row.is_admin === 1,
      };
    };

    const loginAnswer = async (reply: FastifyReply, tokens: SessionTokens) => {
      reply.header(
        'set-cookie',
        `${REFRESH_COOKIE}=${encodeURIComponent(tokens.refreshToken)}; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=${config.sessionSeconds}${secure ? '; Secure' : ''}`,
      );
      return {
        accessToken: tokens.accessToken,
        expiresIn: tokens.expiresIn,
        refreshToken: tokens.refreshToken,
        user: await userOut(tokens.userId),
      };
    };

    const service: AuthService = {
      async verifyAccessToken(token: string): Promise<AuthUser> {
        if (isApiToken(token)) return apiTokens.verify(token);
        const claims = await verifyAccessJwt(token, app.signingKey);
        const row = await db
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.user_id')
          .select([
            'sessions.revoked_at',
            'sessions.expires_at',
            'users.display_name',
            'users.is_admin',
            'users.id',
          ])
          .where('sessions.id', '=', claims.sessionId)
          .executeTakeFirst();
        if (
          row === undefined ||
          row.id !== claims.userId ||
          row.revoked_at !== null ||
          row.expires_at <= Date.now()
        ) {
          throw new VttError('VTT_ERR_AUTH_SESSION_REVOKED');
        }
        return {
          userId: row.id,
          sessionId: claims.sessionId,
          tokenId: null,
          scopes: null,
          name: row.display_name,
          isAdmin: row.is_admin === 1,
        };
      },
      async requireUser(request: FastifyRequest): Promise<AuthUser> {
        const header = request.headers.authorization;
        const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
        if (match === null) throw new VttError('VTT_ERR_AUTH_REQUIRED');
        const user = await service.verifyAccessToken(match[1]!);
        requireRouteScope(user, request);
        return user;
      },
      async createUser(input) {
        const name = input.name.trim();
        if (!new RegExp(NAME_PATTERN).test(name)) {
          throw new VttError('VTT_ERR_HTTP_INVALID', {
            pointer: 'body/name',
            problem: 'a user name is 2 to 32 letters, digits, "_", "." or "-"',
          });
        }
        if (input.password.length < PASSWORD_LIMITS.min) {
          throw new VttError('VTT_ERR_AUTH_WEAK_PASSWORD', {
            length: input.password.length,
            min: PASSWORD_LIMITS.min,
          });
        }
        const taken = await db
          .selectFrom('users')
          .select('id')
          .where('name', '=', name.toLowerCase())
          .executeTakeFirst();
        if (taken !== undefined) throw new VttError('VTT_ERR_AUTH_NAME_TAKEN', { name });
        const userId = randomUUID();
        const displayName = (input.displayName ?? name).trim() || name;
        await db
          .insertInto('users')
          .values({
            id: userId,
            name: name.toLowerCase(),
            display_name: displayName,
            password_hash: await hashPassword(input.password),
            is_admin: input.isAdmin === true ? 1 : 0,
            created_at: Date.now(),
          })
          .execute();
        return { userId, name: name.toLowerCase(), displayName };
      },
      issueSession: (userId, address) => startSession(settings, userId, address),
      answerLogin: (reply, tokens) => loginAnswer(reply, tokens),
      async displayNameOf(userId) {
        const row = await db
          .selectFrom('users')
          .select('display_name')
          .where('id', '=', userId)
          .executeTakeFirst();
        return row?.display_name ?? null;
      },
    };
    app.decorate('auth', service);

    // --- the setup link: only while no admin exists
    const admin = await db
      .selectFrom('users')
      .select('id')
      .where('is_admin', '=', 1)
      .executeTakeFirst();
    let setupToken: string | null = null;
    if (admin === undefined) {
      setupToken = newSecret();
      const hash = secretHash(setupToken);
      await db
        .insertInto('settings')
        .values({ key: SETUP_KEY, value: hash })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
        .execute();
    }
    app.decorate('setupToken', setupToken);

    const tags = ['accounts'];
    app.post(
      '/api/setup',
      {
        schema: {
          summary: 'Creates the first admin with the one-time setup token the server printed.',
          tags,
          body: body(
            {
              token: { type: 'string', maxLength: 128 },
              name: nameSchema,
              password: passwordSchema,
              displayName: displayNameSchema,
            },
            ['token', 'name', 'password'],
          ),
          response: { 200: loginAnswerSchema, 403: errorAnswer },
        },
      },
      async (request, reply) => {
        const input = request.body as {
          token: string;
          name: string;
          password: string;
          displayName?: string;
        };
        const stored = await db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', SETUP_KEY)
          .executeTakeFirst();
        if (stored === undefined || stored.value !== secretHash(input.token)) {
          throw new VttError('VTT_ERR_AUTH_SETUP_INVALID');
        }
        // Used once: the hash goes before the account is made, so a second request fails.
        const removed = await db
          .deleteFrom('settings')
          .where('key', '=', SETUP_KEY)
          .where('value', '=', stored.value)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) !== 1) throw new VttError('VTT_ERR_AUTH_SETUP_INVALID');
        const user = await service
          .createUser({ ...input, isAdmin: true })
          .catch(async (error: unknown) => {
            await db
              .insertInto('settings')
              .values({ key: SETUP_KEY, value: stored.value })
              .execute();
            throw error;
          });
        (app as { setupToken: string | null }).setupToken = null;
        request.log.info({ userId: user.userId }, 'first admin created');
        return loginAnswer(reply, await service.issueSession(user.userId, request.ip));
      },
    );

    app.post(
      '/api/auth/login',
      {
        schema: {
          summary: 'Logs in: an access token (short-lived) and a refresh token (the session).',
          tags,
          body: body({ name: { type: 'string', maxLength: 64 }, password: passwordSchema }, [
            'name',
            'password',
          ]),
          response: { 200: loginAnswerSchema, 401: errorAnswer, 429: errorAnswer },
        },
      },
      async (request, reply) => {
        const { name, password } = request.body as { name: string; password: string };
        const key = name.trim().toLowerCase();
        const wait = limiter.retryAfter(key, request.ip);
        if (wait > 0) {
          reply.header('retry-after', String(wait));
          throw new VttError('VTT_ERR_AUTH_RATE_LIMITED', {
            what: 'login attempts',
            seconds: wait,
          });
        }
        const row = await db
          .selectFrom('users')
          .select(['id', 'password_hash'])
          .where('name', '=', key)
          .executeTakeFirst();
        const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
        if (row === undefined || !ok) {
          limiter.fail(key, request.ip);
          throw new VttError('VTT_ERR_AUTH_BAD_CREDENTIALS');
        }
        limiter.succeed(key);
        return loginAnswer(reply, await service.issueSession(row.id, request.ip));
      },
    );

    app.post(
      '/api/auth/refresh',
      {
        schema: {
          summary: 'A new access token for a live session; the refresh token is rotated.',
          description:
            'Takes the refresh token from the body or from the HttpOnly cookie set at login.',
          tags,
          body: body({ refreshToken: { type: 'string', maxLength: 256 } }),
          response: { 200: loginAnswerSchema, 401: errorAnswer },
        },
      },
      async (request, reply) => {
        const given =
          (request.body as { refreshToken?: string } | undefined)?.refreshToken ??
          cookieValue(request, REFRESH_COOKIE);
        const sessionId = given?.split('.')[0];
        if (given === undefined || sessionId === undefined)
          throw new VttError('VTT_ERR_AUTH_REQUIRED');
        const row = await db
          .selectFrom('sessions')
          .selectAll()
          .where('id', '=', sessionId)
          .executeTakeFirst();
        if (
          row === undefined ||
          row.refresh_hash !== secretHash(given) ||
          row.revoked_at !== null ||
          row.expires_at <= Date.now()
        ) {
          throw new VttError('VTT_ERR_AUTH_SESSION_REVOKED');
        }
        const refreshToken = `${sessionId}.${newSecret()}`;
        const rotated = await db
          .updateTable('sessions')
          .set({ refresh_hash: secretHash(refreshToken) })
          .where('id', '=', sessionId)
          .where('refresh_hash', '=', row.refresh_hash)
          .executeTakeFirst();
        if (Number(rotated.numUpdatedRows) !== 1)
          throw new VttError('VTT_ERR_AUTH_SESSION_REVOKED');
        return loginAnswer(reply, {
          accessToken: await signAccessToken(
            { userId: row.user_id, sessionId },
            app.signingKey,
            config.accessTokenSeconds,
          ),
          expiresIn: config.accessTokenSeconds,
          refreshToken,
          sessionId,
          userId: row.user_id,
        });
      },
    );

    app.post(
      '/api/auth/logout',
      {
        schema: {
          summary: 'Ends this session: its tokens stop working and its sockets close at once.',
          tags,
          security: bearer,
          body: body({}),
          response: { 200: answer({ ok: { type: 'boolean' } }, ['ok']), 401: errorAnswer },
        },
      },
      async (request, reply) => {
        const user = await service.requireUser(request);
        const ids = user.sessionId === null ? [] : [user.sessionId];
        const revoked = await revokeSessions(db, user.userId, ids);
        await app.bus.emit('sessions-revoked', { sessionIds: revoked });
        reply.header(
          'set-cookie',
          `${REFRESH_COOKIE}=; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=0`,
        );
        return { ok: true };
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          summary: 'Changes the password; every session of the user ends and a new one starts.',
          tags,
          security: bearer,
          body: body({ currentPassword: passwordSchema, newPassword: passwordSchema }, [
            'currentPassword',
            'newPassword',
          ]),
          response: { 200: loginAnswerSchema, 400: errorAnswer, 401: errorAnswer },
        },
      },
      async (request, reply) => {
        const user = await service.requireUser(request);
        const { currentPassword, newPassword } = request.body as {
          currentPassword: string;
          newPassword: string;
        };
        const row = await db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', user.userId)
          .executeTakeFirstOrThrow();
        if (!(await verifyPassword(currentPassword, row.password_hash)))
          throw new VttError('VTT_ERR_AUTH_BAD_CREDENTIALS');
        if (newPassword.length < PASSWORD_LIMITS.min) {
          throw new VttError('VTT_ERR_AUTH_WEAK_PASSWORD', {
            length: newPassword.length,
            min: PASSWORD_LIMITS.min,
          });
        }
        await db
          .updateTable('users')
          .set({ password_hash: await hashPassword(newPassword) })
          .where('id', '=', user.userId)
          .execute();
        const revoked = await revokeSessions(db, user.userId);
        await app.bus.emit('sessions-revoked', { sessionIds: revoked });
        return loginAnswer(reply, await service.issueSession(user.userId, request.ip));
      },
    );

    app.get(
      '/api/me',
      {
        schema: {
          summary: 'The logged-in user.',
          tags,
          security: bearer,
          response: { 200: userSchema, 401: errorAnswer },
        },
      },
      async (request) => userOut((await service.requireUser(request)).userId),
    );

    app.post(
      '/api/users',
      {
        schema: {
          summary: 'Creates an account (admins only), e.g. for a friend without an invite link.',
          tags,
          security: bearer,
          body: body(
            {
              name: nameSchema,
              password: passwordSchema,
              displayName: displayNameSchema,
              isAdmin: { type: 'boolean' },
            },
            ['name', 'password'],
          ),
          response: { 200: userSchema, 403: errorAnswer, 409: errorAnswer },
        },
      },
      async (request) => {
        const user = await service.requireUser(request);
        if (!user.isAdmin) throw new VttError('VTT_ERR_AUTH_ADMIN_ONLY');
        const created = await service.createUser(
          request.body as {
            name: string;
            password: string;
            displayName?: string;
            isAdmin?: boolean;
          },
        );
        return userOut(created.userId);
      },
    );

    app.get(
      '/api/users',
      {
        schema: {
          summary: 'Every account (admins only).',
          tags,
          security: bearer,
          response: { 200: { type: 'array', items: userSchema }, 403: errorAnswer },
        },
      },
      async (request) => {
        const user = await service.requireUser(request);
        if (!user.isAdmin) throw new VttError('VTT_ERR_AUTH_ADMIN_ONLY');
        const rows = await db.selectFrom('users').selectAll().orderBy('name').execute();
        return rows.map((r) => ({
          id: r.id,
          name: r.name,
          displayName: r.display_name,
          isAdmin: r.is_admin === 1,
        }));
      },
    );

    apiTokenRoutes(app, apiTokens);
  },
  { name: 'vtt-auth', dependencies: ['vtt-persistence', 'vtt-data-dir'] },
);
