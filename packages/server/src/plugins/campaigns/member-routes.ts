/**
 * `/api/campaigns/:id/members`: the members list, role changes and
 * removals (by a GM, or a member leaving). A campaign never loses its
 * last GM.
 */
import { VttError, type Role } from '@vtt/core';
import type { FastifyInstance } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import { requireAccess } from './campaign-access.js';
import { deleteMemberSchema, listMembersSchema, patchMemberSchema } from './campaign-schemas.js';
import { authenticate, userOf } from './request-user.js';

interface MemberParams {
  readonly id: string;
  readonly userId: string;
}

/**
 * Tells the campaign's live table and the other plugins (the realtime
 * plugin re-filters or closes that user's sockets) that a member's role
 * changed (`role` null: they left).
 */
export async function memberChanged(
  app: FastifyInstance,
  campaignId: string,
  userId: string,
  role: Role | null,
): Promise<void> {
  try {
    const name = (await app.auth.displayNameOf(userId)) ?? userId;
    await app.tables.syncMember(campaignId, { userId, name, role });
  } finally {
    await app.bus.emit('member-changed', { campaignId, userId, role });
  }
}

/**
 * Locks the campaign row until the transaction ends, so that two GMs
 * demoting each other at once cannot both pass the last-GM check.
 * SQLite runs one write transaction at a time already.
 */
async function lockCampaign(
  trx: Transaction<Database>,
  dialect: 'sqlite' | 'postgres',
  id: string,
): Promise<void> {
  if (dialect === 'postgres') {
    await trx.selectFrom('campaigns').select('id').where('id', '=', id).forUpdate().execute();
  }
}

async function gmCount(db: Kysely<Database>, campaignId: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('role', '=', 'gm')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds the member routes. */
export function registerMemberRoutes(app: FastifyInstance): void {
  const preValidation = authenticate(app);
  const memberNotFound = (params: MemberParams) =>
    new VttError('VTT_ERR_CAMPAIGN_MEMBER_NOT_FOUND', { id: params.id, userId: params.userId });

  app.get<{ Params: { id: string } }>(
    '/api/campaigns/:id/members',
    {
      schema: {
        ...listMembersSchema,
        summary: "The campaign's members with their roles.",
        tags: ['members'],
      },
      preValidation,
    },
    async (request) => {
      const { id } = request.params;
      await requireAccess(app.db, id, userOf(request).userId);
      const rows = await app.db
        .selectFrom('members')
        .innerJoin('users', 'users.id', 'members.user_id')
        .select(['users.id', 'users.display_name', 'members.role', 'members.joined_at'])
        .where('members.campaign_id', '=', id)
        .orderBy('members.joined_at')
        .orderBy('users.id')
        .execute();
      return {
        members: rows.map((row) => ({
          id: row.id,
          displayName: row.display_name,
          role: row.role,
          joinedAt: Number(row.joined_at),
        })),
      };
    },
  );

  app.patch<{ Params: MemberParams; Body: { role: Role } }>(
    '/api/campaigns/:id/members/:userId',
    {
      schema: {
        ...patchMemberSchema,
        summary: "Changes a member's role (GMs); their live view changes at once.",
        tags: ['members'],
      },
      preValidation,
    },
    async (request) => {
      const { params } = request;
      const { role } = request.body;
      await requireAccess(app.db, params.id, userOf(request).userId, { gm: true, live: true });
      const changed = await app.db.transaction().execute(async (trx) => {
        await lockCampaign(trx, app.dbInfo.dialect, params.id);
        const member = await trx
          .selectFrom('members')
          .select(['role', 'joined_at'])
          .where('campaign_id', '=', params.id)
          .where('user_id', '=', params.userId)
          .executeTakeFirst();
        if (member === undefined) throw memberNotFound(params);
        if (member.role === role) return { joinedAt: Number(member.joined_at), changed: false };
        await trx
          .updateTable('members')
          .set({ role })
          .where('campaign_id', '=', params.id)
          .where('user_id', '=', params.userId)
          .execute();
        if ((await gmCount(trx, params.id)) === 0) throw new VttError('VTT_ERR_CAMPAIGN_LAST_GM');
        return { joinedAt: Number(member.joined_at), changed: true };
      });
      if (changed.changed) await memberChanged(app, params.id, params.userId, role);
      const displayName = (await app.auth.displayNameOf(params.userId)) ?? params.userId;
      return { id: params.userId, displayName, role, joinedAt: changed.joinedAt };
    },
  );

  app.delete<{ Params: MemberParams }>(
    '/api/campaigns/:id/members/:userId',
    {
      schema: {
        ...deleteMemberSchema,
        summary:
          'Removes a member (GMs) or leaves (yourself, also from an archived campaign); their sockets close at once.',
        tags: ['members'],
      },
      preValidation,
    },
    async (request, reply) => {
      const { params } = request;
      const user = userOf(request);
      const leaving = params.userId === user.userId;
      // Anyone may leave an archived campaign; a GM removes members of live ones only.
      const access = await requireAccess(app.db, params.id, user.userId, {
        gm: !leaving,
        live: !leaving,
      });
      await app.db.transaction().execute(async (trx) => {
        await lockCampaign(trx, app.dbInfo.dialect, params.id);
        const removed = await trx
          .deleteFrom('members')
          .where('campaign_id', '=', params.id)
          .where('user_id', '=', params.userId)
          .executeTakeFirst();
        if (Number(removed.numDeletedRows) === 0) throw memberNotFound(params);
        if ((await gmCount(trx, params.id)) === 0) throw new VttError('VTT_ERR_CAMPAIGN_LAST_GM');
      });
      if (access.archived) {
        // Its table is not loaded for this: it takes the members' rows when it loads again.
        await app.bus.emit('member-changed', {
          campaignId: params.id,
          userId: params.userId,
          role: null,
        });
      } else {
        await memberChanged(app, params.id, params.userId, null);
      }
      return reply.status(204).send();
    },
  );
}
