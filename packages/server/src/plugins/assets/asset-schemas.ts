/**
 * JSON Schemas of the asset and map-tile routes: what Fastify validates
 * params against and serializes answers with, and what the OpenAPI
 * document (docs/reference/http.md) is generated from.
 */
import { bearer, errorAnswer } from '../../http/route-schemas.js';

const pathId = { type: 'string', minLength: 1, maxLength: 128 } as const;

/** An asset as the members who may see it get it. */
export const assetView = {
  type: 'object',
  required: ['id', 'name', 'mime', 'bytes', 'width', 'height', 'visibility', 'url', 'thumbUrl'],
  properties: {
    id: { type: 'string', description: 'Random id (not the content hash).' },
    name: { type: 'string' },
    mime: { type: 'string', enum: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] },
    bytes: { type: 'integer' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    visibility: { type: 'string', enum: ['gm', 'public'] },
    url: { type: 'string' },
    thumbUrl: { type: 'string' },
  },
} as const;

const campaignParams = {
  type: 'object',
  required: ['campaignId'],
  additionalProperties: false,
  properties: { campaignId: pathId },
} as const;

const assetParams = {
  type: 'object',
  required: ['campaignId', 'assetId'],
  additionalProperties: false,
  properties: { campaignId: pathId, assetId: pathId },
} as const;

const sceneParams = {
  type: 'object',
  required: ['campaignId', 'sceneId'],
  additionalProperties: false,
  properties: { campaignId: pathId, sceneId: pathId },
} as const;

const coordinate = { type: 'integer', minimum: 0, maximum: 1_000_000 } as const;

const tileParams = {
  type: 'object',
  required: ['campaignId', 'sceneId', 'z', 'x', 'y'],
  additionalProperties: false,
  properties: {
    campaignId: pathId,
    sceneId: pathId,
    z: { type: 'integer', minimum: 0, maximum: 64 },
    x: coordinate,
    y: coordinate,
  },
} as const;

const binary = (description: string) => ({
  description,
  content: { 'image/*': { schema: { type: 'string', format: 'binary' } } },
});

const errors = { 404: errorAnswer };

/**
 * `POST /api/campaigns/:campaignId/assets`. The body is multipart, read as
 * a stream by the handler, which checks every part itself; this schema
 * documents the parts (the route validates an empty object against it).
 */
export const uploadAssetSchema = {
  summary:
    'Uploads an image (PNG, JPEG, WebP or GIF; checked by its bytes, size and pixel count). GMs upload either visibility, players public images only.',
  tags: ['assets'],
  security: bearer,
  consumes: ['multipart/form-data'],
  params: campaignParams,
  body: {
    type: 'object',
    properties: {
      file: { type: 'string', format: 'binary', description: 'The image file.' },
      name: {
        type: 'string',
        maxLength: 100,
        description: 'Display name (default: the file name).',
      },
      visibility: {
        type: 'string',
        enum: ['gm', 'public'],
        description:
          '`gm` (GMs only, the default for GMs) or `public` (every member; players may upload only this).',
      },
    },
  },
  response: {
    201: assetView,
    400: errorAnswer,
    403: errorAnswer,
    413: errorAnswer,
    415: errorAnswer,
  },
} as const;

/** `GET /api/campaigns/:campaignId/assets`. */
export const listAssetsSchema = {
  summary: 'The assets of a campaign I may see (GMs: all).',
  tags: ['assets'],
  security: bearer,
  params: campaignParams,
  response: {
    200: {
      type: 'object',
      required: ['assets'],
      properties: { assets: { type: 'array', items: assetView } },
    },
  },
} as const;

/** `GET /api/campaigns/:campaignId/assets/:assetId`. */
export const getAssetSchema = {
  summary:
    "An asset's bytes, for members who may see it (404 alike for a missing asset and one you may not see).",
  tags: ['assets'],
  security: bearer,
  params: assetParams,
  response: { 200: binary('The stored image.'), 304: { description: 'Not modified.' }, ...errors },
} as const;

/** `GET /api/campaigns/:campaignId/assets/:assetId/thumb`. */
export const getThumbSchema = {
  ...getAssetSchema,
  summary: "An asset's thumbnail (WebP, at most 256 px), for members who may see the asset.",
  response: { 200: binary('The thumbnail.'), 304: { description: 'Not modified.' }, ...errors },
} as const;

/** `DELETE /api/campaigns/:campaignId/assets/:assetId`. */
export const deleteAssetSchema = {
  summary: 'Deletes an asset (GMs); its file goes when no asset uses the same bytes.',
  tags: ['assets'],
  security: bearer,
  params: assetParams,
  response: { 204: { description: 'Deleted.', type: 'null' }, 403: errorAnswer, ...errors },
} as const;

/** `GET /api/campaigns/:campaignId/scenes/:sceneId/map`. */
export const getMapSchema = {
  summary: "A scene's background as a tile pyramid, for members who see the scene.",
  tags: ['maps'],
  security: bearer,
  params: sceneParams,
  response: {
    200: {
      type: 'object',
      required: ['width', 'height', 'tileSize', 'levels', 'tileUrl'],
      properties: {
        width: { type: 'integer', description: 'Pixels of the full image.' },
        height: { type: 'integer' },
        tileSize: { type: 'integer' },
        levels: {
          type: 'integer',
          description: 'z runs from 0 (one tile) to levels - 1 (full size).',
        },
        tileUrl: { type: 'string', description: 'With {z}, {x} and {y} to fill in.' },
      },
    },
    ...errors,
  },
} as const;

/** `GET /api/campaigns/:campaignId/scenes/:sceneId/tiles/:z/:x/:y`. */
export const getTileSchema = {
  summary:
    'One 256 px WebP tile of a scene map. Players get no tile wholly under fog (404) and edge tiles with fogged pixels black.',
  tags: ['maps'],
  security: bearer,
  params: tileParams,
  response: { 200: binary('The tile (WebP).'), 304: { description: 'Not modified.' }, ...errors },
} as const;
