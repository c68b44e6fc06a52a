/**
 * Installed modules (plugin `vtt-modules`): installs the example systems on
 * first start, decorates `app.modules` ({@link ModuleService}) and serves
 * the module routes (`GET`/`POST /api/modules`, `DELETE /api/modules/:id`)
 * and the development build routes of `vtt dev` (`/api/modules/dev`).
 */
import { join } from 'node:path';
import fp from 'fastify-plugin';
import type { ModuleService } from '../../server-types.js';
import { installExamples } from './install-examples.js';
import { createModuleService } from './module-bundles.js';
import { registerDevRoutes } from './dev-routes.js';
import { registerModuleRoutes } from './module-routes.js';

/** Decorates `modules`; adds the module routes (listing for any user, the rest for admins). */
export const modulesPlugin = fp(
  async (app) => {
    const { dataDir, installExamples: install, examplesDir } = app.vttConfig;
    if (install && examplesDir !== null) {
      await installExamples({ db: app.db, dataDir, examplesDir, log: app.log });
    }
    const service = createModuleService(app.db, join(dataDir, 'modules'));
    const modules: ModuleService = {
      bundlesFor: (campaignId) => service.bundlesFor(campaignId),
      bundlesWith: (campaignId, addons) => service.bundlesWith(campaignId, addons),
      hasSystem: (moduleId) => service.hasSystem(moduleId),
    };
    app.decorate('modules', modules);
    await registerModuleRoutes(app, { forget: (id) => service.forget(id) });
    await registerDevRoutes(app, service);
  },
  { name: 'vtt-modules', dependencies: ['vtt-persistence', 'vtt-data-dir'] },
);
