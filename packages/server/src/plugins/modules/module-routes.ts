/**
 * The module routes: `GET /api/modules` (any user: the active versions,
 * with every stored version), and for admins `POST /api/modules` (install
 * or upgrade from a `.vttmod` body) and `DELETE /api/modules/:id`.
 * Installs and removals run one at a time.
 */
import type { Readable } from 'node:stream';
import { compareSemver, parseSemver, VttError, type ModuleManifest } from '@vtt/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearer, errorAnswer } from '../../http/route-schemas.js';
import { installModuleArchive } from './install-archive.js';
import { removeModule } from './remove-module.js';

/** The content type of an archive upload. */
export const ARCHIVE_CONTENT_TYPE = 'application/octet-stream';

const author = {
  type: 'object',
  properties: { name: { type: 'string' }, email: { type: 'string' }, url: { type: 'string' } },
  required: ['name'],
} as const;

const versions = { type: 'array', items: { type: 'string' } } as const;
const moduleId = { type: 'string', pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$', maxLength: 64 };

const listSchema = {
  summary: 'The installed modules (game systems and add-ons) a campaign can use.',
  tags: ['modules'],
  security: bearer,
  response: {
    200: {
      type: 'object',
      required: ['modules'],
      properties: {
        modules: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'version', 'name', 'kind', 'description', 'authors', 'versions'],
            properties: {
              id: { type: 'string' },
              version: { type: 'string', description: 'The active version, which campaigns use.' },
              name: { type: 'string' },
              kind: { type: 'string', enum: ['system', 'addon'] },
              description: { type: 'string' },
              authors: { type: 'array', items: author },
              versions: { ...versions, description: 'Every stored version, oldest first.' },
            },
          },
        },
      },
    },
  },
} as const;

const installSchema = {
  summary:
    'Installs a packed module (admins only): the body is the .vttmod file itself, sent as ' +
    'application/octet-stream. A newer version than the active one becomes active.',
  tags: ['modules'],
  security: bearer,
  // Read whole as bytes by the route's own parser, then checked like `vtt inspect` does.
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
      required: ['id', 'version', 'name', 'kind', 'active', 'digest', 'versions'],
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string', enum: ['system', 'addon'] },
        active: { type: 'boolean', description: 'Whether campaigns now use this version.' },
        digest: { type: 'string', description: "SHA-256 of the archive's verified listing." },
        versions,
      },
    },
    400: errorAnswer,
    403: errorAnswer,
    409: errorAnswer,
    413: errorAnswer,
    422: errorAnswer,
  },
} as const;

const removeSchema = {
  summary: 'Removes a module with every stored version (admins only), unless a campaign uses it.',
  tags: ['modules'],
  security: bearer,
  params: { type: 'object', required: ['id'], properties: { id: moduleId } },
  response: {
    200: {
      type: 'object',
      required: ['id', 'removed'],
      properties: { id: { type: 'string' }, removed: versions },
    },
    403: errorAnswer,
    404: errorAnswer,
    409: errorAnswer,
  },
} as const;

/** Stored versions, oldest first. */
function sortVersions(list: readonly string[]): string[] {
  return [...list].sort((a, b) => {
    const [left, right] = [parseSemver(a), parseSemver(b)];
    return left && right ? compareSemver(left, right) : a.localeCompare(b);
  });
}

/**
 * Reads a stream into memory, refusing it past `max` bytes. The rest of a
 * refused body is read and dropped, so the client gets the answer instead
 * of a reset connection.
 */
export function readCapped(stream: Readable, max: number): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      stream.off('data', onData);
      stream.resume();
      chunks.length = 0;
      fail(tooLarge(max));
    };
    stream.on('data', onData);
    stream.once('error', fail);
    stream.once('end', () => done(Buffer.concat(chunks, size)));
  });
}

/** `VTT_ERR_MODULE_ARCHIVE_TOO_LARGE` for an archive over `max` bytes. */
export function tooLarge(max: number): VttError {
  return new VttError('VTT_ERR_MODULE_ARCHIVE_TOO_LARGE', {
    limit: `${+(max / (1024 * 1024)).toFixed(1)} MiB`,
    max,
  });
}

/** Adds the module routes to `app`; `forget` drops a removed module's cached bundles. */
export async function registerModuleRoutes(
  app: FastifyInstance,
  options: { readonly forget: (moduleId: string) => void },
): Promise<void> {
  const { dataDir, maxModuleBytes } = app.vttConfig;
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  const requireAdmin = async (request: FastifyRequest) => {
    const user = await app.auth.requireUser(request);
    if (!user.isAdmin) throw new VttError('VTT_ERR_AUTH_ADMIN_ONLY');
    return user;
  };
  const storedVersions = async (id: string) =>
    sortVersions(
      (await app.db.selectFrom('modules').select('version').where('id', '=', id).execute()).map(
        (row) => row.version,
      ),
    );

  app.get('/api/modules', { schema: listSchema }, async (request) => {
    await app.auth.requireUser(request);
    const rows = await app.db
      .selectFrom('modules')
      .select(['id', 'version', 'manifest', 'active'])
      .orderBy('id')
      .execute();
    const stored = new Map<string, string[]>();
    for (const row of rows) stored.set(row.id, [...(stored.get(row.id) ?? []), row.version]);
    const modules = rows
      .filter((row) => row.active === 1)
      .map((row) => {
        const m = JSON.parse(row.manifest) as ModuleManifest;
        return {
          id: m.id,
          version: m.version,
          name: m.name,
          kind: m.kind,
          description: m.description ?? '',
          authors: (m.authors ?? []).map(({ name, email, url }) => ({ name, email, url })),
          versions: sortVersions(stored.get(row.id) ?? []),
        };
      });
    return { modules };
  });

  app.delete<{ Params: { id: string } }>(
    '/api/modules/:id',
    { schema: removeSchema },
    async (request) => {
      const user = await requireAdmin(request);
      const { id } = request.params;
      const removed = await oneAtATime(async () => {
        const versions = await removeModule({ db: app.db, dataDir, moduleId: id });
        options.forget(id);
        return versions;
      });
      request.log.info({ module: id, versions: removed, by: user.userId }, `removed module ${id}`);
      return { id, removed };
    },
  );

  // The raw-body parser only in this scope: no other route takes octet-stream.
  await app.register(async (scope) => {
    scope.addContentTypeParser(ARCHIVE_CONTENT_TYPE, async (_request: unknown, payload: Readable) =>
      readCapped(payload, maxModuleBytes),
    );
    scope.post(
      '/api/modules',
      {
        schema: installSchema,
        bodyLimit: maxModuleBytes,
        // Before the body is read: only an admin may make the server take up to the limit.
        onRequest: async (request) => {
          await requireAdmin(request);
          if (Number(request.headers['content-length'] ?? 0) > maxModuleBytes) {
            request.raw.resume(); // dropped unread, so the client gets the answer
            throw tooLarge(maxModuleBytes);
          }
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new VttError('VTT_ERR_HTTP_INVALID', {
            pointer: 'body',
            problem: `send the .vttmod file as the body, with content type ${ARCHIVE_CONTENT_TYPE}`,
          });
        }
        const bytes = new Uint8Array(request.body);
        const outcome = await oneAtATime(() =>
          installModuleArchive({ db: app.db, dataDir, bytes, name: 'the uploaded archive' }),
        );
        if (outcome.status === 'refused') throw outcome.error;
        const { id, version, name, kind } = outcome.manifest;
        request.log.info(
          { module: id, version, active: outcome.active, digest: outcome.digest },
          `installed module ${id}@${version}${outcome.active ? ' (active)' : ''}`,
        );
        return reply.status(201).send({
          id,
          version,
          name,
          kind,
          active: outcome.active,
          digest: outcome.digest,
          versions: await storedVersions(id),
        });
      },
    );
  });
}
