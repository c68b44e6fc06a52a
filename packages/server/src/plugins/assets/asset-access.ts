/**
 * What every asset route shares: the blob store, the visibility cache and
 * the one lookup of "may this member see this asset", which answers the
 * same 404 for a missing asset and a hidden one.
 */
import { VttError, type Role, type TableState } from '@vtt/core';
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import type { AssetsTable } from '../../persistence/database-schema.js';
import type { BlobStore } from './blob-store.js';
import { playerMaySee, type VisibleAssetCache, type VisibleAssets } from './asset-visibility.js';
import type { MapTiles } from './map-tiles.js';

/** An asset row as read. */
export type AssetRow = Selectable<AssetsTable>;

/** The shared parts of the assets plugin. */
export interface AssetContext {
  readonly app: FastifyInstance;
  readonly store: BlobStore;
  readonly visible: VisibleAssetCache;
  readonly tiles: MapTiles;
}

/** The one answer for an asset the requester may not know of. */
export function assetNotFound(id: string): VttError {
  return new VttError('VTT_ERR_ASSET_NOT_FOUND', { id });
}

/** The API address of an asset and of its thumbnail. */
export function assetUrls(row: Pick<AssetRow, 'id' | 'campaign_id'>): {
  url: string;
  thumbUrl: string;
} {
  const url = `/api/campaigns/${encodeURIComponent(row.campaign_id)}/assets/${encodeURIComponent(row.id)}`;
  return { url, thumbUrl: `${url}/thumb` };
}

/** An asset as its viewers get it. */
export function assetView(row: AssetRow) {
  return {
    id: row.id,
    name: row.name,
    mime: row.mime,
    bytes: Number(row.bytes),
    width: Number(row.width),
    height: Number(row.height),
    visibility: row.visibility,
    ...assetUrls(row),
  };
}

/** A member's standing in a campaign, with the table state for non-GMs. */
export interface Viewer {
  readonly userId: string;
  readonly role: Role;
  /** Null for GMs (they see everything). */
  readonly visible: VisibleAssets | null;
  readonly state: TableState;
}

/**
 * The requester's role and (for players and observers) what their view
 * lets them see.
 *
 * @throws VttError `VTT_ERR_CAMPAIGN_NOT_FOUND` for a missing campaign and a non-member alike.
 */
export async function viewerOf(
  ctx: AssetContext,
  campaignId: string,
  userId: string,
): Promise<Viewer> {
  const { role } = await ctx.app.campaigns.requireMember(campaignId, userId);
  const state = await ctx.app.tables.state(campaignId);
  const visible = role === 'gm' ? null : ctx.visible.get(state, campaignId, userId);
  return { userId, role, visible, state };
}

/** Whether `viewer` may download `row`. */
export function maySee(viewer: Viewer, row: AssetRow): boolean {
  return viewer.visible === null || playerMaySee(row, viewer.userId, viewer.visible);
}

/**
 * The asset `assetId` of the campaign if `viewer` may see it.
 *
 * @throws VttError `VTT_ERR_ASSET_NOT_FOUND` for a missing asset and a hidden one alike.
 */
export async function requireVisibleAsset(
  ctx: AssetContext,
  viewer: Viewer,
  campaignId: string,
  assetId: string,
): Promise<AssetRow> {
  const row = await ctx.app.db
    .selectFrom('assets')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', assetId)
    .executeTakeFirst();
  if (row === undefined || !maySee(viewer, row)) throw assetNotFound(assetId);
  return row;
}

/**
 * Removes blob `sha256` and its derived files when no asset row uses it
 * any more (checked under the blob's lock, so an upload of the same bytes
 * never loses its file).
 */
export async function removeIfUnused(ctx: AssetContext, sha256: string): Promise<boolean> {
  return ctx.store.withLock(sha256, async () => {
    const used = await ctx.app.db
      .selectFrom('assets')
      .select('id')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (used !== undefined) return false;
    await ctx.store.remove(sha256);
    return true;
  });
}
