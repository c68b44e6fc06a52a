/**
 * The module marketplace (plugin `vtt-registry`): on a server started with
 * `--registry` (VTT_REGISTRY), the public listing of published modules
 * and publishing (`/api/registry/modules...`; 404 `VTT_ERR_REGISTRY_DISABLED`
 * otherwise); on every server, an admin's install from another server's
 * registry (`POST /api/modules/install-from-registry`).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import { registerInstallFromRegistry } from './install-from-registry-route.js';
import { REGISTRY_FOLDER } from './registry-store.js';
import { registerRegistryRoutes } from './registry-routes.js';

/** Adds the registry routes and the install-from-registry route. */
export const registryPlugin = fp(
  async (app) => {
    if (app.vttConfig.registry) {
      await mkdir(join(app.vttConfig.dataDir, REGISTRY_FOLDER), { recursive: true, mode: 0o700 });
    }
    await registerRegistryRoutes(app);
    registerInstallFromRegistry(app);
  },
  {
    name: 'vtt-registry',
    dependencies: ['vtt-persistence', 'vtt-data-dir', 'vtt-auth', 'vtt-modules'],
  },
);
