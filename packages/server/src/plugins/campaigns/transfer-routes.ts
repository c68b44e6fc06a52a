/**
 * Moving a campaign between servers: `GET /api/campaigns/:id/archive` (its
 * GMs download the whole campaign as one archive) and `POST
 * /api/campaigns/import` (any logged-in user uploads one and becomes its
 * GM). The upload is streamed to a temp file in the data folder, capped at
 * {@link MAX_CAMPAIGN_ARCHIVE_BYTES}, by a raw-body parser scoped to that
 * one route.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { VttError } from '@vtt/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { writeCampaignArchive } from '../../backup/campaign-archive.js';
import {
  archiveFileName,
  MAX_CAMPAIGN_ARCHIVE_BYTES,
} from '../../backup/campaign-archive-format.js';
import { importCampaignArchive } from '../../backup/import-campaign-archive.js';
import { requireAccess } from './campaign-access.js';
import { campaignParams } from './campaign-schemas.js';
import { authenticate, userOf } from './request-user.js';

/** The content type of an uploaded archive. */
const ARCHIVE_CONTENT_TYPE = 'application/octet-stream';

function tooLarge(): VttError {
  return new VttError('VTT_ERR_TRANSFER_TOO_LARGE', {
    limit: `${MAX_CAMPAIGN_ARCHIVE_BYTES / (1024 * 1024)} MiB`,
  });
}

/** Streams `payload` into `to`, refusing it past the cap (the rest is read and dropped). */
async function receive(payload: Readable, to: string): Promise<void> {
  let size = 0;
  await pipeline(
    payload,
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > MAX_CAMPAIGN_ARCHIVE_BYTES) {
          payload.resume();
          return done(tooLarge());
        }
        done(null, chunk);
      },
    }),
    createWriteStream(to, { mode: 0o600, flags: 'wx' }),
  );
}

const uploads = new WeakMap<FastifyRequest, string>();

/** Adds the archive download and the import routes. */
export async function registerTransferRoutes(app: FastifyInstance): Promise<void> {
  const preValidation = authenticate(app);
  const dataDir = app.vttConfig.dataDir;

  app.get<{ Params: { id: string } }>(
    '/api/campaigns/:id/archive',
    {
      schema: {
        summary:
          'The whole campaign as one archive (state, event log, assets, module versions), to import on another server (GMs).',
        tags: ['campaigns'],
        params: campaignParams,
      },
      preValidation,
    },
    async (request, reply) => {
      const { id } = request.params;
      const campaign = await requireAccess(app.db, id, userOf(request).userId, { gm: true });
      const work = await mkdtemp(join(dataDir, '.campaign-download-'));
      const out = join(work, 'campaign.tar.gz');
      try {
        const manifest = await writeCampaignArchive({ db: app.db, dataDir, campaignId: id, out });
        request.log.info({ campaignId: id, seq: manifest.seq }, 'campaign exported');
        const { size } = await stat(out);
        const body = createReadStream(out);
        body.once('close', () => void rm(work, { recursive: true, force: true }));
        return reply
          .type('application/gzip')
          .header('cache-control', 'no-store')
          .header('content-length', size)
          .header('content-disposition', `attachment; filename="${archiveFileName(campaign.name)}"`)
          .send(body);
      } catch (error) {
        await rm(work, { recursive: true, force: true });
        throw error;
      }
    },
  );

  // The raw-body parser only in this scope: the archive streams to disk, never whole in memory.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      ARCHIVE_CONTENT_TYPE,
      async (request: FastifyRequest, payload: Readable) => {
        const to = join(dataDir, `.campaign-upload-${randomBytes(12).toString('hex')}`);
        uploads.set(request, to);
        await receive(payload, to);
        return { file: to };
      },
    );
    scope.addHook('onResponse', async (request) => {
      const file = uploads.get(request);
      if (file !== undefined) await rm(file, { force: true });
    });
    scope.post(
      '/api/campaigns/import',
      {
        schema: {
          summary:
            'Imports a campaign archive (GET /api/campaigns/:id/archive) as application/octet-stream; the importer becomes its only member, a GM.',
          tags: ['campaigns'],
          // Streamed to a temp file by the scope's own parser, then checked file by file.
          body: {
            content: {
              [ARCHIVE_CONTENT_TYPE]: {
                schema: {
                  format: 'binary',
                  description: 'The .tar.gz that GET /api/campaigns/:id/archive wrote.',
                },
              },
            },
          },
          response: {
            201: {
              type: 'object',
              required: ['id', 'name', 'system', 'seq'],
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                system: { type: 'string' },
                seq: { type: 'integer', description: 'Seq of the last imported event.' },
              },
            },
          },
        },
        bodyLimit: MAX_CAMPAIGN_ARCHIVE_BYTES,
        // Before the body is read: only a logged-in user may make the server take up to the cap.
        onRequest: async (request) => {
          await preValidation(request);
          if (Number(request.headers['content-length'] ?? 0) > MAX_CAMPAIGN_ARCHIVE_BYTES) {
            request.raw.resume();
            throw tooLarge();
          }
        },
      },
      async (request, reply) => {
        const file = (request.body as { file?: unknown } | null)?.file;
        if (typeof file !== 'string') {
          throw new VttError('VTT_ERR_HTTP_INVALID', {
            pointer: 'body',
            problem: `send the campaign archive as the body, with content type ${ARCHIVE_CONTENT_TYPE}`,
          });
        }
        const user = userOf(request);
        let imported;
        try {
          imported = await importCampaignArchive({
            db: app.db,
            dataDir,
            archive: file,
            importerId: user.userId,
            maxImagePixels: app.vttConfig.maxImagePixels,
          });
        } finally {
          // Gone before the answer is sent (the onResponse hook covers refusals before this).
          await rm(file, { force: true });
        }
        request.log.info(
          { campaignId: imported.id, seq: imported.seq, by: user.userId },
          'campaign imported',
        );
        return reply.status(201).send(imported);
      },
    );
  });
}
