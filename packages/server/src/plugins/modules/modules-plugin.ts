/**
 * Installed modules (plugin `vtt-modules`): installs the example systems on
 * first start, decorates `app.modules` ({@link ModuleService}) and serves
 * `GET /api/modules`.
 */
import { join } from 'node:path';
import type { ModuleManifest } from '@vtt/core';
import fp from 'fastify-plugin';
import { installExamples } from './install-examples.js';
import { createModuleService } from './module-bundles.js';

const author = {
  type: 'object',
  properties: { name: { type: 'string' }, email: { type: 'string' }, url: { type: 'string' } },
  required: ['name'],
} as const;

const listSchema = {
  summary: 'The installed modules (game systems and add-ons) a campaign can use.',
  tags: ['modules'],
  security: [{ bearer: [] }],
  response: {
    200: {
      type: 'object',
      required: ['modules'],
      properties: {
        modules: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'version', 'name', 'kind', 'description', 'authors'],
            properties: {
              id: { type: 'string' },
              version: { type: 'string' },
              name: { type: 'string' },
              kind: { type: 'string', enum: ['system', 'addon'] },
              description: { type: 'string' },
              authors: { type: 'array', items: author },
            },
          },
        },
      },
    },
  },
} as const;

/** Decorates `modules`; adds `GET /api/modules` (any logged-in user). */
export const modulesPlugin = fp(
  async (app) => {
    const { dataDir, installExamples: install, examplesDir } = app.vttConfig;
    if (install && examplesDir !== null) {
      await installExamples({ db: app.db, dataDir, examplesDir, log: app.log });
    }
    app.decorate('modules', createModuleService(app.db, join(dataDir, 'modules')));

    app.get('/api/modules', { schema: listSchema }, async (request) => {
      await app.auth.requireUser(request);
      const rows = await app.db
        .selectFrom('modules')
        .select(['manifest'])
        .where('active', '=', 1)
        .orderBy('id')
        .execute();
      const modules = rows.map((row) => {
        const m = JSON.parse(row.manifest) as ModuleManifest;
        return {
          id: m.id,
          version: m.version,
          name: m.name,
          kind: m.kind,
          description: m.description ?? '',
          authors: (m.authors ?? []).map(({ name, email, url }) => ({ name, email, url })),
        };
      });
      return { modules };
    });
  },
  { name: 'vtt-modules', dependencies: ['vtt-persistence', 'vtt-data-dir'] },
);
