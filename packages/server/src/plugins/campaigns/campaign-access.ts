/**
 * Who may do what in a campaign: one lookup of the campaign and the user's
 * membership, and the checks every route makes with it. A campaign that
 * does not exist and one the user is no member of fail alike, with the
 * same 404 body.
 */
import { VttError, type Role } from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import type { CampaignService } from '../../server-types.js';

/** A campaign and the requester's place in it. */
export interface CampaignAccess {
  readonly id: string;
  readonly name: string;
  readonly system: string;
  readonly role: Role;
  readonly archived: boolean;
  readonly createdAt: number;
}

/** What a route needs beyond membership. */
export interface AccessNeeds {
  /** Only GMs (`VTT_ERR_CAMPAIGN_GM_ONLY` otherwise). */
  readonly gm?: boolean;
  /** Not archived (`VTT_ERR_CAMPAIGN_ARCHIVED` otherwise). */
  readonly live?: boolean;
}

/** The one answer for a campaign the user may not know of. */
export function campaignNotFound(id: string): VttError {
  return new VttError('VTT_ERR_CAMPAIGN_NOT_FOUND', { id });
}

/** The campaign with the user's role, or null when it does not exist or they are no member. */
export async function accessOf(
  db: Kysely<Database>,
  campaignId: string,
  userId: string,
): Promise<CampaignAccess | null> {
  const row = await db
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
    .where('campaigns.id', '=', campaignId)
    .where('members.user_id', '=', userId)
    .executeTakeFirst();
  if (row === undefined) return null;
  return {
    id: row.id,
    name: row.name,
    system: row.system,
    role: row.role as Role,
    archived: row.archived_at !== null,
    createdAt: Number(row.created_at),
  };
}

/**
 * The campaign with the user's role, checked against `needs`.
 *
 * @throws VttError `VTT_ERR_CAMPAIGN_NOT_FOUND` (missing, or no member),
 * `VTT_ERR_CAMPAIGN_GM_ONLY`, `VTT_ERR_CAMPAIGN_ARCHIVED`.
 */
export async function requireAccess(
  db: Kysely<Database>,
  campaignId: string,
  userId: string,
  needs: AccessNeeds = {},
): Promise<CampaignAccess> {
  const access = await accessOf(db, campaignId, userId);
  if (access === null) throw campaignNotFound(campaignId);
  if (needs.gm === true && access.role !== 'gm') throw new VttError('VTT_ERR_CAMPAIGN_GM_ONLY');
  if (needs.live === true && access.archived) {
    throw new VttError('VTT_ERR_CAMPAIGN_ARCHIVED', { id: campaignId });
  }
  return access;
}

/**
 * The {@link CampaignService} over the database.
 *
 * @example
 * app.decorate('campaigns', createCampaignService(app.db));
 * const { role } = await app.campaigns.requireMember(campaignId, user.userId);
 */
export function createCampaignService(db: Kysely<Database>): CampaignService {
  return {
    async roleOf(campaignId, userId) {
      const access = await accessOf(db, campaignId, userId);
      return access === null || access.archived ? null : access.role;
    },
    async requireMember(campaignId, userId) {
      const { role, system } = await requireAccess(db, campaignId, userId, { live: true });
      return { role, system };
    },
  };
}
