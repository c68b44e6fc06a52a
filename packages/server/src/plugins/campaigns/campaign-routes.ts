/**
 * `/api/campaigns`: create, list mine, read, rename, archive and delete.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { CLOSE_CODES, VttError } from '@vtt/core';
import type { FastifyInstance } from 'fastify';
import { requireAccess, type CampaignAccess } from './campaign-access.js';
import {
  createCampaignSchema,
  deleteCampaignSchema,
  getCampaignSchema,
  listCampaignsSchema,
  patchCampaignSchema,
} from './campaign-schemas.js';
import { deleteCampaignData } from './delete-campaign-data.js';
import { authenticate, userOf } from './request-user.js';

/** A campaign as its members see it. */
export function campaignView(access: CampaignAccess) {
  const { id, name, system, role, archived, createdAt } = access;
  return { id, name, system, role, archived, createdAt };
}

interface IdParams {
  readonly id: string;
}

/** Adds the campaign routes. */
export function registerCampaignRoutes(app: FastifyInstance): void {
  const preValidation = authenticate(app);

  app.post<{ Body: { name: string; system: string; seed?: string } }>(
    '/api/campaigns',
    {
      schema: {
        ...createCampaignSchema,
        summary: 'Creates a campaign with a system module; the creator is its GM.',
        tags: ['campaigns'],
      },
      preValidation,
    },
    async (request, reply) => {
      const user = userOf(request);
      const { name, system } = request.body;
      if (!(await app.modules.hasSystem(system))) {
        throw new VttError('VTT_ERR_CAMPAIGN_SYSTEM_UNKNOWN', { system });
      }
      const id = randomUUID();
      const now = Date.now();
      await app.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('campaigns')
          .values({ id, name, system, created_by: user.userId, created_at: now, seq: 0 })
          .execute();
        await trx
          .insertInto('members')
          .values({ campaign_id: id, user_id: user.userId, role: 'gm', joined_at: now })
          .execute();
      });
      try {
        await app.tables.createTable({
          id,
          name,
          system,
          gmUserId: user.userId,
          gmName: (await app.auth.displayNameOf(user.userId)) ?? user.name,
          seed: request.body.seed ?? randomBytes(32).toString('hex'),
        });
      } catch (error) {
        await deleteCampaignData(app.db, id);
        throw error;
      }
      request.log.info({ campaignId: id, system }, 'campaign created');
      const view = { id, name, system, role: 'gm', archived: false, createdAt: now } as const;
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/campaigns',
    {
      schema: {
        ...listCampaignsSchema,
        summary: 'The campaigns I am a member of, with my role.',
        tags: ['campaigns'],
      },
      preValidation,
    },
    async (request) => {
      const rows = await app.db
        .selectFrom('campaigns')
        .innerJoin('members', 'members.campaign_id', 'campaigns.id')
        .select([
          'campaigns.id',
          'campaigns.name',
          'campaigns.system',
          'campaigns.archived_at',
          'campaigns.created_at',
          'members.role',
        ])
        .where('members.user_id', '=', userOf(request).userId)
        .orderBy('campaigns.created_at')
        .orderBy('campaigns.id')
        .execute();
      return {
        campaigns: rows.map((row) => ({
          id: row.id,
          name: row.name,
          system: row.system,
          role: row.role,
          archived: row.archived_at !== null,
          createdAt: Number(row.created_at),
        })),
      };
    },
  );

  app.get<{ Params: IdParams }>(
    '/api/campaigns/:id',
    {
      schema: {
        ...getCampaignSchema,
        summary: 'One campaign I am a member of.',
        tags: ['campaigns'],
      },
      preValidation,
    },
    async (request) =>
      campaignView(await requireAccess(app.db, request.params.id, userOf(request).userId)),
  );

  app.patch<{ Params: IdParams; Body: { name?: string; archived?: boolean } }>(
    '/api/campaigns/:id',
    {
      schema: {
        ...patchCampaignSchema,
        summary: 'Renames, archives or unarchives a campaign (GMs).',
        tags: ['campaigns'],
      },
      preValidation,
    },
    async (request) => {
      const { id } = request.params;
      const access = await requireAccess(app.db, id, userOf(request).userId, { gm: true });
      const { name, archived } = request.body;
      const archiving = archived === true && !access.archived;
      const archivedAt =
        archived === undefined || archived === access.archived
          ? undefined
          : archived
            ? Date.now()
            : null;
      await app.db
        .updateTable('campaigns')
        .set({
          ...(name === undefined ? {} : { name }),
          ...(archivedAt === undefined ? {} : { archived_at: archivedAt }),
        })
        .where('id', '=', id)
        .execute();
      // The table says the row's name (an archived campaign's table waits until it is unarchived).
      if (!(archived ?? access.archived)) await app.tables.syncName(id, name ?? access.name);
      if (archiving) {
        await app.tables.dropTable(id, CLOSE_CODES.NOT_FOUND, 'The campaign was archived.');
        await app.bus.emit('campaign-closed', { campaignId: id, reason: 'archived' });
      }
      return campaignView({
        ...access,
        name: name ?? access.name,
        archived: archived ?? access.archived,
      });
    },
  );

  app.delete<{ Params: IdParams }>(
    '/api/campaigns/:id',
    {
      schema: {
        ...deleteCampaignSchema,
        summary:
          'Deletes a campaign with its events, snapshots, members, invites and assets (GMs).',
        tags: ['campaigns'],
      },
      preValidation,
    },
    async (request, reply) => {
      const { id } = request.params;
      await requireAccess(app.db, id, userOf(request).userId, { gm: true });
      const { orphanedSha256 } = await deleteCampaignData(app.db, id);
      await app.tables.dropTable(id, CLOSE_CODES.NOT_FOUND, 'The campaign was deleted.');
      await app.bus.emit('campaign-closed', { campaignId: id, reason: 'deleted' });
      if (orphanedSha256.length > 0) {
        await app.bus.emit('assets-orphaned', { campaignId: id, sha256s: orphanedSha256 });
      }
      request.log.info({ campaignId: id }, 'campaign deleted');
      return reply.status(204).send();
    },
  );
}
