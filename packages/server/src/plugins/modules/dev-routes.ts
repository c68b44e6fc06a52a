/**
 * Development builds (`vtt dev`), for admins and an admin's token with
 * `modules:install`: `POST /api/modules/dev` takes a packed build of an
 * installed module, checks it as an install would, and reloads it into
 * every loaded table that runs the module without dropping a socket;
 * `DELETE /api/modules/dev/:id` drops the build, and those tables go back
 * to the installed version. A build lives in memory only: a restart runs
 * the installed version again.
 */
import type { Readable } from 'node:stream';
import { VttError, type ModuleManifest } from '@vtt/core';
import type { ModuleBundle } from '@vtt/sandbox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearer, errorAnswer } from '../../http/route-schemas.js';
import { checkModuleArchive } from './install-archive.js';
import type { DevBundles } from './module-bundles.js';
import { bundleOfFiles } from './module-bundles.js';
import { ARCHIVE_CONTENT_TYPE, readCapped, tooLarge } from './module-routes.js';

const moduleId = { type: 'string', pattern: '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$', maxLength: 64 };

const tablesAnswer = {
  type: 'array',
  description: 'Each loaded table that runs the module, in the order they were reloaded.',
  items: {
    type: 'object',
    required: ['campaignId', 'reloaded'],
    properties: {
      campaignId: { type: 'string' },
      reloaded: { type: 'boolean', description: 'False: the table keeps its previous rules.' },
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

const uploadSchema = {
  summary:
    'Hot-reloads a development build of an installed module into every loaded table that runs it (`vtt dev`; admins).',
  description:
    'The body is a packed build (.vttmod, application/octet-stream), checked as POST /api/modules checks one. ' +
    'Tables keep their state and sockets. When the first table cannot load the build, nothing changes and the ' +
    'answer is VTT_ERR_DEV_RELOAD_FAILED. The build is kept in memory only, until DELETE or a restart.',
  tags: ['modules'],
  security: bearer,
  body: {
    content: {
      [ARCHIVE_CONTENT_TYPE]: {
        schema: { format: 'binary', description: 'The packed build (`vtt dev` sends one).' },
      },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['id', 'version', 'digest', 'tables'],
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        digest: { type: 'string', description: "SHA-256 of the build's verified listing." },
        tables: tablesAnswer,
      },
    },
    400: errorAnswer,
    403: errorAnswer,
    404: errorAnswer,
    409: errorAnswer,
    413: errorAnswer,
    422: errorAnswer,
  },
} as const;

const dropSchema = {
  summary:
    'Drops the development build of a module (admins): the tables that run it go back to its installed version.',
  tags: ['modules'],
  security: bearer,
  params: { type: 'object', required: ['id'], properties: { id: moduleId } },
  response: {
    200: {
      type: 'object',
      required: ['id', 'version', 'tables'],
      properties: {
        id: { type: 'string' },
        version: { type: 'string', description: 'The installed version the tables run now.' },
        tables: tablesAnswer,
      },
    },
    403: errorAnswer,
    404: errorAnswer,
  },
} as const;

/** The answer's view of one table's reload. */
function tableOutcome(outcome: { readonly campaignId: string; readonly error: unknown }) {
  if (outcome.error === null) return { campaignId: outcome.campaignId, reloaded: true };
  const error =
    outcome.error instanceof VttError
      ? { code: outcome.error.code, message: outcome.error.message }
      : { code: 'VTT_ERR_SERVER_INTERNAL', message: 'The table could not load the rules.' };
  return { campaignId: outcome.campaignId, reloaded: false, error };
}

/** The message of a failed reload, for the refusal (a sandbox error names the guest's problem). */
function problemOf(error: unknown): string {
  return error instanceof VttError ? error.message : 'the table could not load the rules.';
}

/** Adds the development build routes to `app`. */
export async function registerDevRoutes(app: FastifyInstance, dev: DevBundles): Promise<void> {
  const { maxModuleBytes } = app.vttConfig;
  // One build at a time: a save that comes while the last one reloads waits for it.
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
  const installed = async (id: string) => {
    const row = await app.db
      .selectFrom('modules')
      .select(['version', 'kind', 'manifest'])
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();
    if (row === undefined) throw new VttError('VTT_ERR_DEV_MODULE_NOT_INSTALLED', { id });
    return row;
  };

  /** Sets `bundle` (null: none) as the build of `id` and reloads its tables; undone if the first fails. */
  const swapIn = async (id: string, bundle: ModuleBundle | null) => {
    const before = dev.devBundle(id) ?? null;
    dev.setDevBundle(id, bundle);
    const outcomes = await app.tables.reloadRunning(id, { stopIfFirstFails: true });
    const [first] = outcomes;
    if (first !== undefined && first.error !== null) {
      dev.setDevBundle(id, before);
      throw new VttError('VTT_ERR_DEV_RELOAD_FAILED', {
        id,
        campaignId: first.campaignId,
        problem: problemOf(first.error),
      });
    }
    return outcomes;
  };

  app.delete<{ Params: { id: string } }>(
    '/api/modules/dev/:id',
    { schema: dropSchema },
    async (request) => {
      const user = await requireAdmin(request);
      const { id } = request.params;
      return oneAtATime(async () => {
        if (dev.devBundle(id) === undefined) throw new VttError('VTT_ERR_DEV_NO_BUILD', { id });
        const row = await installed(id);
        const outcomes = await swapIn(id, null);
        request.log.info(
          { module: id, tables: outcomes.length, by: user.userId },
          `dropped the development build of ${id}`,
        );
        return { id, version: row.version, tables: outcomes.map(tableOutcome) };
      });
    },
  );

  await app.register(async (scope) => {
    scope.addContentTypeParser(ARCHIVE_CONTENT_TYPE, async (_request: unknown, payload: Readable) =>
      readCapped(payload, maxModuleBytes),
    );
    scope.post(
      '/api/modules/dev',
      {
        schema: uploadSchema,
        bodyLimit: maxModuleBytes,
        onRequest: async (request) => {
          await requireAdmin(request);
          if (Number(request.headers['content-length'] ?? 0) > maxModuleBytes) {
            request.raw.resume();
            throw tooLarge(maxModuleBytes);
          }
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new VttError('VTT_ERR_HTTP_INVALID', {
            pointer: 'body',
            problem: `send the packed build as the body, with content type ${ARCHIVE_CONTENT_TYPE}`,
          });
        }
        const bytes = new Uint8Array(request.body);
        const started = performance.now();
        const checked = await checkModuleArchive({ bytes, name: 'the development build' });
        if (checked.status === 'refused') throw checked.error;
        const manifest: ModuleManifest = checked.manifest;
        return oneAtATime(async () => {
          const row = await installed(manifest.id);
          if (row.kind !== manifest.kind) {
            throw new VttError('VTT_ERR_MODULE_KIND_CHANGED', {
              id: manifest.id,
              kind: manifest.kind,
              installedKind: row.kind,
            });
          }
          const bundle = await bundleOfFiles(manifest, checked.files);
          const outcomes = await swapIn(manifest.id, bundle);
          request.log.info(
            {
              module: manifest.id,
              version: manifest.version,
              digest: checked.digest,
              tables: outcomes.length,
              ms: Math.round(performance.now() - started),
            },
            `reloaded the development build of ${manifest.id} into ${outcomes.length} table(s)`,
          );
          return {
            id: manifest.id,
            version: manifest.version,
            digest: checked.digest,
            tables: outcomes.map(tableOutcome),
          };
        });
      },
    );
  });
}
