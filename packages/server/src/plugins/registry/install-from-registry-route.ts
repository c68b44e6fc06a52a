/**
 * `POST /api/modules/install-from-registry` (admins, or an admin's token
 * with `modules:install`): installs `id@range` from another server's
 * registry. Every check (the listing's SHA-256 and digest, the archive,
 * the module, what is installed) runs before anything is written. Works
 * whether or not this server is a registry itself.
 */
import { VttError } from '@vtt/core';
import type { FastifyInstance } from 'fastify';
import { bearer, body, errorAnswer } from '../../http/route-schemas.js';
import { installCheckedArchive } from '../modules/install-archive.js';
import { fetchFromRegistry } from './fetch-from-registry.js';
import { bySemver } from './registry-store.js';

const schema = {
  summary:
    "Installs a module from a registry (admins only): the newest version in the range whose engine range this server meets, checked against the registry's listing (SHA-256 and verified digest) before anything is written.",
  tags: ['modules'],
  security: bearer,
  body: body(
    {
      registry: {
        type: 'string',
        minLength: 1,
        maxLength: 2048,
        description: 'The http(s) address of a server run with --registry.',
      },
      module: {
        type: 'string',
        minLength: 1,
        maxLength: 300,
        description: "`id@range`, e.g. 'dice-tray@^1.2.0'; the id alone for the newest version.",
      },
    },
    ['registry', 'module'],
  ),
  response: {
    201: {
      type: 'object',
      required: [
        'id',
        'version',
        'name',
        'kind',
        'active',
        'digest',
        'sha256',
        'registry',
        'versions',
      ],
      properties: {
        id: { type: 'string' },
        version: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string', enum: ['system', 'addon'] },
        active: { type: 'boolean', description: 'Whether campaigns now use this version.' },
        digest: { type: 'string' },
        sha256: { type: 'string' },
        registry: { type: 'string' },
        versions: { type: 'array', items: { type: 'string' } },
      },
    },
    400: errorAnswer,
    401: errorAnswer,
    403: errorAnswer,
    404: errorAnswer,
    409: errorAnswer,
    422: errorAnswer,
    502: errorAnswer,
  },
} as const;

/** Adds `POST /api/modules/install-from-registry` to `app`. */
export function registerInstallFromRegistry(app: FastifyInstance): void {
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };
  app.post<{ Body: { registry: string; module: string } }>(
    '/api/modules/install-from-registry',
    {
      schema,
      // Before the body is checked: a non-admin gets 403, never a validation answer.
      preValidation: async (request) => {
        const user = await app.auth.requireUser(request);
        if (!user.isAdmin) throw new VttError('VTT_ERR_AUTH_ADMIN_ONLY');
      },
    },
    async (request, reply) => {
      const { dataDir, maxModuleBytes } = app.vttConfig;
      const fetched = await fetchFromRegistry({
        registry: request.body.registry,
        module: request.body.module,
        maxBytes: maxModuleBytes,
      });
      if (fetched.status === 'refused') throw fetched.error;
      const outcome = await oneAtATime(() =>
        installCheckedArchive({ db: app.db, dataDir, checked: fetched.checked }),
      );
      if (outcome.status === 'refused') throw outcome.error;
      const { id, version, name, kind } = outcome.manifest;
      request.log.info(
        { module: id, version, registry: fetched.registry, digest: outcome.digest },
        `installed module ${id}@${version} from ${fetched.registry}`,
      );
      const stored = await app.db
        .selectFrom('modules')
        .select('version')
        .where('id', '=', id)
        .execute();
      return reply.status(201).send({
        id,
        version,
        name,
        kind,
        active: outcome.active,
        digest: outcome.digest,
        sha256: fetched.entry.sha256,
        registry: fetched.registry,
        versions: stored.map((row) => row.version).sort(bySemver),
      });
    },
  );
}
