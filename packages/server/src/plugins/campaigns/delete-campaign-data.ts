/**
 * Deletes a campaign and everything stored under it, in one transaction:
 * its row, and through the foreign keys' cascade its members, invites,
 * events, snapshots, applied requests, enabled modules and asset rows.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';

/** What {@link deleteCampaignData} removed. */
export interface DeletedCampaign {
  /** False when there was no such campaign. */
  readonly deleted: boolean;
  /**
   * SHA-256 of the asset blobs the campaign used that no other asset row
   * uses: their files can go (the assets plugin removes them on the bus's
   * `assets-orphaned`, checking again that no row took them meanwhile).
   */
  readonly orphanedSha256: readonly string[];
}

/**
 * Deletes the campaign `campaignId` with its events, snapshots, members,
 * invites and asset rows, and says which blobs nothing uses any more.
 * Blob files are not touched here.
 *
 * @example
 * const { orphanedSha256 } = await deleteCampaignData(app.db, campaignId);
 * await app.bus.emit('assets-orphaned', { campaignId, sha256s: orphanedSha256 });
 */
export async function deleteCampaignData(
  db: Kysely<Database>,
  campaignId: string,
): Promise<DeletedCampaign> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .selectFrom('assets')
      .select('sha256')
      .distinct()
      .where('campaign_id', '=', campaignId)
      .execute();
    const result = await trx
      .deleteFrom('campaigns')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return { deleted: false, orphanedSha256: [] };
    const shas = used.map((row) => row.sha256);
    if (shas.length === 0) return { deleted: true, orphanedSha256: [] };
    const stillUsed = new Set(
      (
        await trx
          .selectFrom('assets')
          .select('sha256')
          .distinct()
          .where('sha256', 'in', shas)
          .execute()
      ).map((row) => row.sha256),
    );
    return { deleted: true, orphanedSha256: shas.filter((sha) => !stillUsed.has(sha)).sort() };
  });
}
