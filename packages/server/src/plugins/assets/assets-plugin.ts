/**
 * Assets (plugin `vtt-assets`): uploaded images of a campaign in a
 * content-addressed blob store under the data folder, their thumbnails,
 * and scene maps as fog-checked tiles. Decorates `app.assets`
 * ({@link AssetService}); removes the blobs of deleted campaigns on the
 * bus's `assets-orphaned`.
 */
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import fp from 'fastify-plugin';
import type { AssetService } from '../../server-types.js';
import { removeIfUnused, type AssetContext } from './asset-access.js';
import { registerAssetRoutes } from './asset-routes.js';
import { VisibleAssetCache } from './asset-visibility.js';
import { BlobStore, isSha256 } from './blob-store.js';
import { MapTiles } from './map-tiles.js';
import { registerTileRoutes } from './tile-routes.js';

/** Decorates `assets`; adds the asset, map and tile routes. */
export const assetsPlugin = fp(
  async (app) => {
    const config = app.vttConfig;
    const store = new BlobStore(join(config.dataDir, 'assets'));
    const ctx: AssetContext = {
      app,
      store,
      visible: new VisibleAssetCache(),
      tiles: new MapTiles(store, config.maxImagePixels),
    };
    const service: AssetService = {
      async info(campaignId, assetId) {
        const row = await app.db
          .selectFrom('assets')
          .select(['width', 'height', 'mime'])
          .where('campaign_id', '=', campaignId)
          .where('id', '=', assetId)
          .executeTakeFirst();
        if (row === undefined) return null;
        return { width: Number(row.width), height: Number(row.height), mime: row.mime };
      },
    };
    app.decorate('assets', service);

    const unsubscribe = app.bus.on('assets-orphaned', async ({ campaignId, sha256s }) => {
      let removed = 0;
      for (const sha256 of sha256s) {
        if (isSha256(sha256) && (await removeIfUnused(ctx, sha256))) removed++;
      }
      app.log.info({ campaignId, removed }, 'orphaned asset files removed');
    });
    app.addHook('onClose', async () => unsubscribe());

    // @fastify/multipart only in this scope: no other route parses multipart.
    await app.register(async (scope) => {
      await scope.register(multipart, {
        limits: {
          fileSize: config.maxUploadBytes,
          files: 1,
          fields: 4,
          fieldSize: 1024,
          parts: 6,
          headerPairs: 50,
        },
      });
      const scoped = { ...ctx, app: scope };
      registerAssetRoutes(scoped);
      registerTileRoutes(scoped);
    });
  },
  {
    name: 'vtt-assets',
    dependencies: ['vtt-data-dir', 'vtt-persistence', 'vtt-auth', 'vtt-tables', 'vtt-campaigns'],
  },
);
