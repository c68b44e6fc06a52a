/**
 * Invite links: a GM makes, lists and revokes them; a logged-in user
 * accepts one, or a newcomer makes an account with one and joins.
 */
import { randomUUID } from 'node:crypto';
import { VttError, type Role } from '@vtt/core';
import type { FastifyInstance } from 'fastify';
import { requireAccess } from './campaign-access.js';
import { campaignView } from './campaign-routes.js';
import {
  acceptInviteSchema,
  createInviteSchema,
  listInvitesSchema,
  registerInviteSchema,
  revokeInviteSchema,
} from './campaign-schemas.js';
import {
  checkInvite,
  inviteHash,
  inviteState,
  joinWithInvite,
  newInviteSecret,
} from './invite-join.js';
import { memberChanged } from './member-routes.js';
import { authenticate, userOf } from './request-user.js';

const tags = ['invites'];

/** Adds the invite routes. `baseUrl` is where players open links (the public URL). */
export function registerInviteRoutes(app: FastifyInstance, baseUrl: () => string): void {
  const preValidation = authenticate(app);

  const inviteOut = (row: {
    id: string;
    role: string;
    expires_at: number;
    max_uses: number;
    uses: number;
    revoked_at: number | null;
    created_at: number;
    created_by: string;
  }) => ({
    id: row.id,
    role: row.role,
    expiresAt: Number(row.expires_at),
    maxUses: row.max_uses,
    uses: row.uses,
    state: inviteState(row, Date.now()),
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
  });

  app.post<{
    Params: { id: string };
    Body: { role: Role; expiresInSeconds: number; maxUses: number };
  }>(
    '/api/campaigns/:id/invites',
    {
      schema: {
        ...createInviteSchema,
        summary: 'Makes an invite link (GMs): a role, an expiry and a number of uses.',
        tags,
      },
      preValidation,
    },
    async (request, reply) => {
      const user = userOf(request);
      const { id } = request.params;
      await requireAccess(app.db, id, user.userId, { gm: true, live: true });
      const secret = newInviteSecret();
      const now = Date.now();
      const row = {
        id: randomUUID(),
        campaign_id: id,
        token_hash: inviteHash(secret),
        role: request.body.role,
        expires_at: now + request.body.expiresInSeconds * 1000,
        max_uses: request.body.maxUses,
        uses: 0,
        created_by: user.userId,
        created_at: now,
        revoked_at: null,
      };
      await app.db.insertInto('invites').values(row).execute();
      return reply
        .status(201)
        .send({ ...inviteOut(row), url: `${baseUrl()}/join#${secret}`, secret });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/campaigns/:id/invites',
    {
      schema: {
        ...listInvitesSchema,
        summary: "The campaign's invites with their state (GMs).",
        tags,
      },
      preValidation,
    },
    async (request) => {
      const { id } = request.params;
      await requireAccess(app.db, id, userOf(request).userId, { gm: true });
      const rows = await app.db
        .selectFrom('invites')
        .selectAll()
        .where('campaign_id', '=', id)
        .orderBy('created_at')
        .execute();
      return { invites: rows.map(inviteOut) };
    },
  );

  app.delete<{ Params: { id: string; inviteId: string } }>(
    '/api/campaigns/:id/invites/:inviteId',
    {
      schema: {
        ...revokeInviteSchema,
        summary: 'Revokes an invite (GMs): its link stops working.',
        tags,
      },
      preValidation,
    },
    async (request, reply) => {
      const { id, inviteId } = request.params;
      await requireAccess(app.db, id, userOf(request).userId, { gm: true });
      const done = await app.db
        .updateTable('invites')
        .set({ revoked_at: Date.now() })
        .where('id', '=', inviteId)
        .where('campaign_id', '=', id)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0)
        throw new VttError('VTT_ERR_INVITE_NOT_FOUND', { id, inviteId });
      return reply.status(204).send();
    },
  );

  const joined = async (campaignId: string, userId: string, role: Role, isNew: boolean) => {
    if (isNew) await memberChanged(app, campaignId, userId, role);
    return campaignView(await requireAccess(app.db, campaignId, userId));
  };

  app.post<{ Body: { secret: string } }>(
    '/api/invites/accept',
    {
      schema: {
        ...acceptInviteSchema,
        summary: "Joins the invite's campaign with its role.",
        tags,
      },
      preValidation,
    },
    async (request) => {
      const user = userOf(request);
      const result = await joinWithInvite(app.db, request.body.secret, user.userId);
      return {
        campaign: await joined(result.campaignId, user.userId, result.role, result.joined),
        joined: result.joined,
      };
    },
  );

  app.post<{ Body: { secret: string; name: string; password: string; displayName?: string } }>(
    '/api/invites/register',
    {
      schema: {
        ...registerInviteSchema,
        summary:
          'Makes an account with an invite link and joins its campaign; answers like a login.',
        tags,
      },
    },
    async (request, reply) => {
      const { secret, name, password, displayName } = request.body;
      await checkInvite(app.db, secret); // before an account is made for a dead link
      const user = await app.auth.createUser({
        name,
        password,
        ...(displayName === undefined ? {} : { displayName }),
      });
      let result;
      try {
        result = await joinWithInvite(app.db, secret, user.userId);
      } catch (error) {
        await app.db.deleteFrom('users').where('id', '=', user.userId).execute();
        throw error;
      }
      const campaign = await joined(result.campaignId, user.userId, result.role, result.joined);
      const tokens = await app.auth.issueSession(user.userId, request.ip);
      const login = await app.auth.answerLogin(reply, tokens);
      return reply.status(201).send({ ...login, campaign });
    },
  );
}
