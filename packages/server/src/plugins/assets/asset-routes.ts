/**
 * `/api/campaigns/:campaignId/assets`: upload, list, download (and the
 * thumbnail) and delete.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { VttError, isVttError } from '@vtt/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, userOf } from '../campaigns/request-user.js';
import {
  assetNotFound,
  assetView,
  removeIfUnused,
  requireVisibleAsset,
  viewerOf,
  maySee,
  type AssetContext,
} from './asset-access.js';
import {
  deleteAssetSchema,
  getAssetSchema,
  getThumbSchema,
  listAssetsSchema,
  uploadAssetSchema,
} from './asset-schemas.js';
import { IMAGE_TYPES, declaredType, detectType, type ImageMime } from './image-type.js';
import { makeThumbnail, probeImage } from './probe-image.js';
import { receiveUpload, type ReceivedUpload } from './receive-upload.js';

interface CampaignParams {
  readonly campaignId: string;
}
interface AssetParams extends CampaignParams {
  readonly assetId: string;
}

/** Headers of every image answer: never sniffed, never run as a document. */
export const IMAGE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
} as const;

/** True when the request's `If-None-Match` holds `etag`. */
export function matchesEtag(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** Files up to this size are read whole and sent in one write. */
const IN_ONE_WRITE = 1024 * 1024;

/** Sends the file `path` as `mime` with `etag`, or 304 when the client holds it. */
export async function sendImage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    readonly path: string;
    readonly mime: string;
    readonly etag: string;
    readonly cache: string;
  },
): Promise<FastifyReply> {
  reply.headers({ ...IMAGE_HEADERS, etag: options.etag, 'cache-control': options.cache });
  if (matchesEtag(request, options.etag)) return reply.status(304).send();
  const { size } = await stat(options.path);
  reply.type(options.mime);
  // Small files (tiles, thumbnails) go in one write; only large ones are streamed.
  if (size <= IN_ONE_WRITE) return reply.send(await readFile(options.path));
  return reply.header('content-length', size).send(createReadStream(options.path));
}

/** Cache-Control of content-addressed answers: the bytes behind an ETag never change. */
export const IMMUTABLE = 'private, max-age=31536000, immutable';

function declaredLabel(mime: string): string {
  const known = IMAGE_TYPES[mime as ImageMime];
  if (known !== undefined) return `a ${known} image`;
  if (mime === 'image/svg+xml') return 'an SVG image';
  return mime;
}

/** The image type of an upload, from its bytes, checked against what it claims. */
function checkedType(upload: ReceivedUpload): ImageMime {
  const detected = detectType(upload.head);
  if (detected.kind === 'svg') throw new VttError('VTT_ERR_ASSET_SVG');
  if (detected.kind === 'other') {
    throw new VttError('VTT_ERR_ASSET_TYPE', { detected: detected.label });
  }
  const declared = declaredType(upload.contentType, upload.fileName);
  if (declared !== null && declared !== detected.mime) {
    throw new VttError('VTT_ERR_ASSET_TYPE_MISMATCH', {
      declared: declaredLabel(declared),
      detected: detected.label,
    });
  }
  return detected.mime;
}

function fieldsOf(upload: ReceivedUpload, role: string): { name: string; visibility: string } {
  const visibility = upload.fields['visibility'] ?? (role === 'gm' ? 'gm' : 'public');
  if (visibility !== 'gm' && visibility !== 'public') {
    throw new VttError('VTT_ERR_HTTP_INVALID', {
      pointer: 'body/visibility',
      problem: 'it must be "gm" or "public"',
    });
  }
  if (role !== 'gm' && visibility !== 'public') {
    throw new VttError('VTT_ERR_ASSET_PLAYER_PUBLIC_ONLY', { visibility });
  }
  const given = (upload.fields['name'] ?? upload.fileName).trim();
  if (given.length > 100) {
    throw new VttError('VTT_ERR_HTTP_INVALID', {
      pointer: 'body/name',
      problem: 'it is longer than 100 characters',
    });
  }
  return { name: given === '' ? 'image' : given, visibility };
}

/** Adds the asset routes (in the scope where @fastify/multipart is registered). */
export function registerAssetRoutes(ctx: AssetContext): void {
  const { app, store } = ctx;
  const preValidation = authenticate(app);
  const config = app.vttConfig;

  app.post<{ Params: CampaignParams }>(
    '/api/campaigns/:campaignId/assets',
    {
      schema: uploadAssetSchema,
      preValidation: [
        preValidation,
        // Multipart is streamed in the handler, never parsed into a body.
        async (request) => void (request.body = {}),
      ],
    },
    async (request, reply) => {
      const user = userOf(request);
      const { campaignId } = request.params;
      const { role } = await app.campaigns.requireMember(campaignId, user.userId);
      if (role === 'observer') throw new VttError('VTT_ERR_ASSET_OBSERVER');
      const upload = await receiveUpload(request, store.tempPath(), config.maxUploadBytes).catch(
        (error: unknown) => {
          // The rest of a cut-off upload is not read: the connection closes after the answer.
          if (isVttError(error) && error.code === 'VTT_ERR_ASSET_TOO_LARGE') {
            reply.header('connection', 'close');
          }
          throw error;
        },
      );
      try {
        const { name, visibility } = fieldsOf(upload, role);
        const mime = checkedType(upload);
        const { width, height } = await probeImage(upload.temp, mime, config.maxImagePixels);
        const thumb = await makeThumbnail(upload.temp, config.maxImagePixels);
        const row = {
          id: randomUUID(),
          campaign_id: campaignId,
          sha256: upload.sha256,
          mime,
          bytes: upload.bytes,
          width,
          height,
          name,
          uploaded_by: user.userId,
          visibility,
          created_at: Date.now(),
        };
        await store.withLock(upload.sha256, async () => {
          await store.adopt(upload.temp, upload.sha256);
          const paths = store.paths(upload.sha256);
          if (!(await stat(paths.thumb).catch(() => null))) {
            await store.writeBeside(paths.thumb, thumb);
          }
          await app.db.insertInto('assets').values(row).execute();
        });
        request.log.info({ campaignId, assetId: row.id, bytes: row.bytes, mime }, 'asset uploaded');
        return reply.status(201).send(assetView(row));
      } finally {
        await rm(upload.temp, { force: true });
      }
    },
  );

  app.get<{ Params: CampaignParams }>(
    '/api/campaigns/:campaignId/assets',
    { schema: listAssetsSchema, preValidation },
    async (request) => {
      const { campaignId } = request.params;
      const viewer = await viewerOf(ctx, campaignId, userOf(request).userId);
      const rows = await app.db
        .selectFrom('assets')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return { assets: rows.filter((row) => maySee(viewer, row)).map(assetView) };
    },
  );

  const download = (kind: 'blob' | 'thumb') =>
    async function (request: FastifyRequest<{ Params: AssetParams }>, reply: FastifyReply) {
      const { campaignId, assetId } = request.params;
      const viewer = await viewerOf(ctx, campaignId, userOf(request).userId);
      const row = await requireVisibleAsset(ctx, viewer, campaignId, assetId);
      const paths = store.paths(row.sha256);
      const path = kind === 'blob' ? paths.blob : paths.thumb;
      if (!(await stat(path).catch(() => null))) {
        request.log.error({ campaignId, assetId, sha256: row.sha256 }, 'asset file missing');
        throw assetNotFound(assetId);
      }
      return sendImage(request, reply, {
        path,
        mime: kind === 'blob' ? row.mime : 'image/webp',
        etag: kind === 'blob' ? `"${row.sha256}"` : `"${row.sha256}-thumb"`,
        cache: IMMUTABLE,
      });
    };

  app.get<{ Params: AssetParams }>(
    '/api/campaigns/:campaignId/assets/:assetId',
    { schema: getAssetSchema, preValidation },
    download('blob'),
  );
  app.get<{ Params: AssetParams }>(
    '/api/campaigns/:campaignId/assets/:assetId/thumb',
    { schema: getThumbSchema, preValidation },
    download('thumb'),
  );

  app.delete<{ Params: AssetParams }>(
    '/api/campaigns/:campaignId/assets/:assetId',
    { schema: deleteAssetSchema, preValidation },
    async (request, reply) => {
      const { campaignId, assetId } = request.params;
      const { role } = await app.campaigns.requireMember(campaignId, userOf(request).userId);
      if (role !== 'gm') throw new VttError('VTT_ERR_CAMPAIGN_GM_ONLY');
      const row = await app.db
        .deleteFrom('assets')
        .where('campaign_id', '=', campaignId)
        .where('id', '=', assetId)
        .returning('sha256')
        .executeTakeFirst();
      if (row === undefined) throw assetNotFound(assetId);
      await removeIfUnused(ctx, row.sha256);
      request.log.info({ campaignId, assetId }, 'asset deleted');
      return reply.status(204).send();
    },
  );
}
