/**
 * `vtt install id@range --registry URL`: fetches and verifies the module
 * as `POST /api/modules/install-from-registry` does (`fetchFromRegistry`),
 * then installs it into a data folder no server runs on
 * (`installModuleOffline`). Nothing is written unless every check passed.
 */
import type { ArchiveInstallOutcome } from '../modules/install-archive.js';
import { installModuleOffline } from '../modules/install-offline.js';
import { fetchFromRegistry, type FetchFromRegistryOptions } from './fetch-from-registry.js';
import type { RegistryVersion } from './registry-types.js';

/** What {@link installFromRegistryOffline} did: the install's outcome, and where from. */
export type RegistryInstallOutcome = ArchiveInstallOutcome & {
  /** The registry's normalised address. */
  readonly registry: string;
  /** The listing entry of the version fetched; undefined when the archive was refused. */
  readonly entry?: RegistryVersion;
};

/**
 * Installs `options.module` (`id@range`) from `options.registry` into the
 * data folder `options.dataDir`.
 *
 * @throws VttError what `fetchFromRegistry` throws, and `VTT_ERR_MODULE_DATA_IN_USE`
 *   when a server has the folder's database open.
 * @example
 * const outcome = await installFromRegistryOffline({
 *   dataDir: './vtt-data', registry: 'https://modules.example.com', module: 'dice-tray@^1', maxBytes,
 * });
 */
export async function installFromRegistryOffline(
  options: FetchFromRegistryOptions & { readonly dataDir: string },
): Promise<RegistryInstallOutcome> {
  const fetched = await fetchFromRegistry(options);
  if (fetched.status === 'refused') {
    return { ...fetched, registry: options.registry };
  }
  const { id, version } = fetched.checked.manifest;
  const outcome = await installModuleOffline({
    dataDir: options.dataDir,
    bytes: fetched.bytes,
    name: `${id}-${version}.vttmod`,
  });
  return { ...outcome, registry: fetched.registry, entry: fetched.entry };
}
