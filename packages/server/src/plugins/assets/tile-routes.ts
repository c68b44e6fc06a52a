/**
 * `/api/campaigns/:campaignId/scenes/:sceneId/map` and `.../tiles/:z/:x/:y`:
 * a scene's background as fog-checked tiles. GMs get every tile whole; a
 * player gets no tile wholly under fog (404, whatever the URL), edge tiles
 * with their fogged pixels opaque black, revealed tiles whole.
 */
import { stat } from 'node:fs/promises';
import { VttError, type Scene } from '@vtt/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, userOf } from '../campaigns/request-user.js';
import { viewerOf, type AssetContext, type AssetRow, type Viewer } from './asset-access.js';
import { IMAGE_HEADERS, matchesEtag, sendImage } from './asset-routes.js';
import { getMapSchema, getTileSchema } from './asset-schemas.js';
import { assetIdsIn } from './asset-visibility.js';
import { BoundedCache } from './bounded-cache.js';
import { TILE_SIZE, fogHash, maskTile, tileFile, tileFog, type TilePyramid } from './map-tiles.js';

interface SceneParams {
  readonly campaignId: string;
  readonly sceneId: string;
}
interface TileParams extends SceneParams {
  readonly z: number;
  readonly x: number;
  readonly y: number;
}

/** Tiles change when the fog or the scene's background does: clients revalidate every time (304 when unchanged). */
const REVALIDATE = 'private, no-cache';

type FoggedTile =
  | { readonly kind: 'hidden' }
  | { readonly kind: 'revealed' }
  | { readonly kind: 'masked'; readonly bytes: Buffer };

/** The scene `sceneId` as `viewer` sees it, and the uploaded asset behind its background. */
async function mapOf(
  ctx: AssetContext,
  viewer: Viewer,
  campaignId: string,
  sceneId: string,
): Promise<{ scene: Scene; row: AssetRow }> {
  const notFound = () => new VttError('VTT_ERR_MAP_NOT_FOUND', { sceneId });
  const scene = viewer.state.scenes.get(sceneId);
  if (scene === undefined) throw notFound();
  if (viewer.visible !== null && !viewer.visible.scenes.has(sceneId)) throw notFound();
  const assetId = assetIdsIn(scene.background?.asset)[0];
  if (assetId === undefined) throw notFound();
  const row = await ctx.app.db
    .selectFrom('assets')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('id', '=', assetId)
    .executeTakeFirst();
  if (row === undefined) throw notFound();
  return { scene, row };
}

/** Where tile (z, x, y) stands against the scene's fog; an edge tile comes masked. */
async function foggedTile(
  scene: Scene,
  row: AssetRow,
  pyramid: TilePyramid,
  path: string,
  at: { readonly z: number; readonly x: number; readonly y: number },
): Promise<FoggedTile> {
  const image = { width: Number(row.width), height: Number(row.height) };
  const fog = tileFog(scene, image, pyramid.levels, at.z, at.x, at.y);
  return fog.kind === 'edge' ? { kind: 'masked', bytes: await maskTile(path, fog.hidden) } : fog;
}

/** Adds the map and tile routes. */
export function registerTileRoutes(ctx: AssetContext): void {
  const { app } = ctx;
  const preValidation = authenticate(app);
  const fogged = new BoundedCache<string, FoggedTile>(1024);

  app.get<{ Params: SceneParams }>(
    '/api/campaigns/:campaignId/scenes/:sceneId/map',
    { schema: getMapSchema, preValidation },
    async (request) => {
      const { campaignId, sceneId } = request.params;
      const viewer = await viewerOf(ctx, campaignId, userOf(request).userId);
      const { row } = await mapOf(ctx, viewer, campaignId, sceneId);
      const pyramid = await ctx.tiles.ensure(row.sha256);
      const base = `/api/campaigns/${encodeURIComponent(campaignId)}/scenes/${encodeURIComponent(sceneId)}`;
      return {
        width: Number(row.width),
        height: Number(row.height),
        tileSize: TILE_SIZE,
        levels: pyramid.levels,
        tileUrl: `${base}/tiles/{z}/{x}/{y}`,
      };
    },
  );

  app.get<{ Params: TileParams }>(
    '/api/campaigns/:campaignId/scenes/:sceneId/tiles/:z/:x/:y',
    { schema: getTileSchema, preValidation },
    async (request: FastifyRequest<{ Params: TileParams }>, reply: FastifyReply) => {
      const { campaignId, sceneId, z, x, y } = request.params;
      const noTile = () => new VttError('VTT_ERR_MAP_TILE_NOT_FOUND', { sceneId, z, x, y });
      const viewer = await viewerOf(ctx, campaignId, userOf(request).userId);
      const { scene, row } = await mapOf(ctx, viewer, campaignId, sceneId);
      const pyramid = await ctx.tiles.ensure(row.sha256);
      const path = tileFile(pyramid, z, x, y);
      if (path === null || !(await stat(path).catch(() => null))) throw noTile();
      const whole = `"${row.sha256}-${z}-${x}-${y}"`;
      if (viewer.visible === null || !scene.fog.enabled) {
        return sendImage(request, reply, {
          path,
          mime: 'image/webp',
          etag: whole,
          cache: REVALIDATE,
        });
      }
      const hash = fogHash(scene);
      const key = `${row.sha256}/${hash}/${z}/${x}/${y}`;
      const tile: FoggedTile =
        fogged.get(key) ??
        fogged.set(key, await foggedTile(scene, row, pyramid, path, { z, x, y }));
      if (tile.kind === 'hidden') throw noTile();
      const etag = `"${row.sha256}-${z}-${x}-${y}-${hash}"`;
      if (tile.kind === 'revealed') {
        return sendImage(request, reply, { path, mime: 'image/webp', etag, cache: REVALIDATE });
      }
      reply.headers({ ...IMAGE_HEADERS, etag, 'cache-control': REVALIDATE });
      if (matchesEtag(request, etag)) return reply.status(304).send();
      return reply.type('image/webp').send(tile.bytes);
    },
  );
}
