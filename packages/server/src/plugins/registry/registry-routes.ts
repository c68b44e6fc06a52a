/**
 * The registry routes: the public listing (`GET /api/registry/modules`,
 * searchable and paged), one module's versions, an archive's download (no
 * login: another server or an embedder fetches them), and publishing
 * (`POST /api/registry/modules`, a logged-in user or a token with
 * `modules:publish`). On a server that is no registry every one answers
 * 404 `VTT_ERR_REGISTRY_DISABLED`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { VttError } from '@vtt/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearer, errorAnswer } from '../../http/route-schemas.js';
import type { AuthUser } from '../../server-types.js';
import { checkModuleArchive } from '../modules/install-archive.js';
import { ARCHIVE_CONTENT_TYPE, readCapped, tooLarge } from '../modules/module-routes.js';
import {
  archiveOf,
  bySemver,
  listModules,
  moduleVersions,
  publishVersion,
} from './registry-store.js';
import { DIGEST_HEADER, REGISTRY_BASE, SHA256_HEADER } from './registry-types.js';

const tags = ['registry'];
const moduleId = { type: 'string', pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$', maxLength: 64 };
const semver = { type: 'string', minLength: 1, maxLength: 256 };
const author = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, email: { type: 'string' }, url: { type: 'string' } },
} as const;
const summaryProperties = {
  id: { type: 'string' },
  kind: { type: 'string', enum: ['system', 'addon'] },
  name: { type: 'string' },
  description: { type: 'string' },
  authors: { type: 'array', items: author },
  latest: { type: 'string', description: 'The newest version (semver order).' },
  engine: { type: 'string', description: "The newest version's core API range." },
  updatedAt: { type: 'integer' },
} as const;
const summaryRequired = Object.keys(summaryProperties);
const versionSchema = {
  type: 'object',
  required: ['version', 'engine', 'dependencies', 'digest', 'sha256', 'size', 'publishedAt'],
  properties: {
    version: { type: 'string' },
    engine: { type: 'string' },
    dependencies: { type: 'object', additionalProperties: { type: 'string' } },
    digest: { type: 'string', description: "SHA-256 of the archive's verified listing." },
    sha256: { type: 'string', description: "SHA-256 of the archive's bytes." },
    size: { type: 'integer' },
    publishedAt: { type: 'integer' },
    archive: { type: 'string', description: 'The download path.' },
  },
} as const;

const listSchema = {
  summary:
    'The modules published on this registry, by id, searchable (public: no login). Each shows what its newest version says.',
  tags,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      q: {
        type: 'string',
        maxLength: 200,
        description: 'Words that must each occur in the id, name, description or author names.',
      },
      offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
      limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['modules', 'total', 'offset', 'limit'],
      properties: {
        modules: {
          type: 'array',
          items: { type: 'object', required: summaryRequired, properties: summaryProperties },
        },
        total: { type: 'integer', description: 'How many modules match in all.' },
        offset: { type: 'integer' },
        limit: { type: 'integer' },
      },
    },
    400: errorAnswer,
    404: errorAnswer,
  },
} as const;

const moduleSchema = {
  summary: 'One published module with every version, oldest first (public: no login).',
  tags,
  params: { type: 'object', required: ['id'], properties: { id: moduleId } },
  response: {
    200: {
      type: 'object',
      required: [...summaryRequired, 'versions'],
      properties: { ...summaryProperties, versions: { type: 'array', items: versionSchema } },
    },
    404: errorAnswer,
  },
} as const;

const archiveSchema = {
  summary: `Downloads a published archive (public: no login), as application/octet-stream with its SHA-256 in the ${SHA256_HEADER} header and its verified digest in ${DIGEST_HEADER}.`,
  tags,
  params: {
    type: 'object',
    required: ['id', 'version'],
    properties: { id: moduleId, version: semver },
  },
  response: { 404: errorAnswer },
} as const;

const publishSchema = {
  summary:
    'Publishes a packed module (a logged-in user, or a token with modules:publish): the body is the .vttmod file, sent as application/octet-stream. A module id belongs to its first publisher; a version is never replaced.',
  tags,
  security: bearer,
  body: {
    content: {
      [ARCHIVE_CONTENT_TYPE]: {
        schema: { format: 'binary', description: 'The .vttmod file (`vtt pack` writes one).' },
      },
    },
  },
  response: {
    201: {
      type: 'object',
      required: [
        'id',
        'version',
        'kind',
        'name',
        'digest',
        'sha256',
        'size',
        'publishedAt',
        'versions',
      ],
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        kind: { type: 'string', enum: ['system', 'addon'] },
        name: { type: 'string' },
        digest: { type: 'string' },
        sha256: { type: 'string' },
        size: { type: 'integer' },
        publishedAt: { type: 'integer' },
        versions: { type: 'array', items: { type: 'string' } },
      },
    },
    400: errorAnswer,
    401: errorAnswer,
    403: errorAnswer,
    404: errorAnswer,
    409: errorAnswer,
    413: errorAnswer,
    422: errorAnswer,
  },
} as const;

/** Public answers may be read by any page (an embedder's catalogue). */
const PUBLIC_HEADERS = { 'access-control-allow-origin': '*' } as const;

/** Adds the registry routes to `app` (answering `VTT_ERR_REGISTRY_DISABLED` unless it is a registry). */
export async function registerRegistryRoutes(app: FastifyInstance): Promise<void> {
  const { dataDir, maxModuleBytes } = app.vttConfig;
  const enabled = async () => {
    if (!app.vttConfig.registry) throw new VttError('VTT_ERR_REGISTRY_DISABLED');
  };
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  app.get<{ Querystring: { q?: string; offset: number; limit: number } }>(
    REGISTRY_BASE,
    { schema: listSchema, onRequest: enabled },
    async (request, reply) => {
      const { q = '', offset, limit } = request.query;
      const page = await listModules(app.db, { q, offset, limit });
      return reply.headers(PUBLIC_HEADERS).send({ ...page, offset, limit });
    },
  );

  app.get<{ Params: { id: string } }>(
    `${REGISTRY_BASE}/:id`,
    { schema: moduleSchema, onRequest: enabled },
    async (request, reply) => {
      const found = await moduleVersions(app.db, request.params.id);
      if (found === undefined) {
        throw new VttError('VTT_ERR_REGISTRY_MODULE_NOT_FOUND', {
          registry: 'this registry',
          id: request.params.id,
        });
      }
      return reply.headers(PUBLIC_HEADERS).send(found);
    },
  );

  app.get<{ Params: { id: string; version: string } }>(
    `${REGISTRY_BASE}/:id/:version/archive`,
    { schema: archiveSchema, onRequest: enabled },
    async (request, reply) => {
      const { id, version } = request.params;
      const found = await archiveOf(app.db, dataDir, id, version);
      const size =
        found === undefined
          ? null
          : await stat(found.file).then(
              (s) => s.size,
              () => null,
            );
      if (found === undefined || size === null) {
        throw new VttError('VTT_ERR_REGISTRY_MODULE_NOT_FOUND', {
          registry: 'this registry',
          id: `${id}@${version}`,
        });
      }
      return reply
        .headers({
          ...PUBLIC_HEADERS,
          'access-control-expose-headers': `${SHA256_HEADER}, ${DIGEST_HEADER}`,
          [SHA256_HEADER]: found.sha256,
          [DIGEST_HEADER]: found.digest,
          'content-disposition': `attachment; filename="${id}-${version}.vttmod"`,
          'cache-control': 'public, max-age=31536000, immutable',
          'content-length': size,
        })
        .type(ARCHIVE_CONTENT_TYPE)
        .send(createReadStream(found.file));
    },
  );

  const publishers = new WeakMap<FastifyRequest, AuthUser>();
  // The raw-body parser only in this scope: no other route of it takes octet-stream.
  await app.register(async (scope) => {
    scope.addContentTypeParser(ARCHIVE_CONTENT_TYPE, async (_request: unknown, payload: Readable) =>
      readCapped(payload, maxModuleBytes),
    );
    scope.post(
      REGISTRY_BASE,
      {
        schema: publishSchema,
        bodyLimit: maxModuleBytes,
        // Before the body is read: only a user may make the server take up to the limit.
        onRequest: async (request) => {
          await enabled();
          publishers.set(request, await app.auth.requireUser(request));
          if (Number(request.headers['content-length'] ?? 0) > maxModuleBytes) {
            request.raw.resume(); // dropped unread, so the client gets the answer
            throw tooLarge(maxModuleBytes);
          }
        },
      },
      async (request, reply) => {
        const publisher = publishers.get(request);
        if (publisher === undefined) throw new Error('publish without its user');
        if (!Buffer.isBuffer(request.body)) {
          throw new VttError('VTT_ERR_HTTP_INVALID', {
            pointer: 'body',
            problem: `send the .vttmod file as the body, with content type ${ARCHIVE_CONTENT_TYPE}`,
          });
        }
        const bytes = new Uint8Array(request.body);
        const checked = await checkModuleArchive({ bytes, name: 'the published archive' });
        if (checked.status === 'refused') throw checked.error;
        const { manifest, digest } = checked;
        const entry = await oneAtATime(() =>
          publishVersion({ db: app.db, dataDir, manifest, digest, bytes, publisher }),
        );
        const versions = (
          await app.db
            .selectFrom('registry_versions')
            .select('version')
            .where('module_id', '=', manifest.id)
            .execute()
        )
          .map((row) => row.version)
          .sort(bySemver);
        request.log.info(
          { module: manifest.id, version: manifest.version, digest, by: publisher.userId },
          `published module ${manifest.id}@${manifest.version}`,
        );
        return reply.status(201).send({
          id: manifest.id,
          version: manifest.version,
          kind: manifest.kind,
          name: manifest.name,
          digest,
          sha256: entry.sha256,
          size: entry.size,
          publishedAt: entry.publishedAt,
          versions,
        });
      },
    );
  });
}
