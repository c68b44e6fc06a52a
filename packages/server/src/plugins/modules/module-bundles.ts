/**
 * The bundles a campaign's table runs, read from the installed module
 * folders and kept in memory by `id@version` (an installed version never
 * changes on disk).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VttError, type CompendiumEntry, type ModuleManifest } from '@vtt/core';
import type { ModuleBundle } from '@vtt/sandbox';
import type { Kysely } from 'kysely';
import type { Database, ModulesTable } from '../../persistence/database-schema.js';
import type { ModuleService } from '../../server-types.js';

type ModuleRow = Pick<ModulesTable, 'id' | 'version' | 'manifest' | 'path'>;

/**
 * The bundle of `manifest` from its files, read through `read` (a path
 * relative to the module folder, to its UTF-8 text or undefined).
 */
async function bundleOf(
  manifest: ModuleManifest,
  read: (path: string) => Promise<string | undefined>,
): Promise<ModuleBundle> {
  const missing = (path: string): never => {
    throw new Error(`module ${manifest.id} has no file ${path}, which its checked manifest names`);
  };
  if (manifest.entry === undefined)
    throw new VttError('VTT_ERR_MODULE_NO_BUNDLE', { id: manifest.id });
  const source = (await read(manifest.entry)) ?? missing(manifest.entry);
  const packs: Record<string, readonly CompendiumEntry[]> = {};
  for (const pack of manifest.compendium ?? []) {
    packs[pack.id] = JSON.parse((await read(pack.path)) ?? missing(pack.path)) as CompendiumEntry[];
  }
  return { id: manifest.id, source, manifest, packs };
}

/** Reads one installed version: its manifest (validated at install), bundle and packs. */
function readBundle(modulesDir: string, row: ModuleRow): Promise<ModuleBundle> {
  const dir = join(modulesDir, row.path);
  return bundleOf(JSON.parse(row.manifest) as ModuleManifest, (path) =>
    readFile(join(dir, path), 'utf8'),
  );
}

/**
 * The bundle of a checked archive's files (`checkModuleArchive`), as a
 * table would run it: what `vtt dev` uploads.
 *
 * @example
 * const bundle = await bundleOfFiles(checked.manifest, checked.files);
 */
export function bundleOfFiles(
  manifest: ModuleManifest,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<ModuleBundle> {
  const decoder = new TextDecoder();
  return bundleOf(manifest, async (path) => {
    const data = files.get(path);
    return data === undefined ? undefined : decoder.decode(data);
  });
}

/** The bundle cache's own method, for the module routes. */
export interface ModuleBundleCache {
  /** Drops the cached bundles of `moduleId` (after its versions were removed). */
  forget(moduleId: string): void;
}

/**
 * Development builds (`vtt dev`): a bundle that stands in for an installed
 * module's active version, in memory only, until it is dropped or the
 * server stops. Tables loaded while it is set run it.
 */
export interface DevBundles {
  /** The development build of `moduleId`, if one is set. */
  devBundle(moduleId: string): ModuleBundle | undefined;
  /** Sets (or with `null` drops) the development build of `moduleId`. */
  setDevBundle(moduleId: string, bundle: ModuleBundle | null): void;
}

/**
 * The {@link ModuleService} over the `modules` and `campaign_modules` rows
 * and the installed folders under `modulesDir`.
 *
 * @example
 * const modules = createModuleService(app.db, join(dataDir, 'modules'));
 * const [system, ...addons] = await modules.bundlesFor(campaignId);
 */
export function createModuleService(
  db: Kysely<Database>,
  modulesDir: string,
): ModuleService & ModuleBundleCache & DevBundles {
  const cache = new Map<string, Promise<ModuleBundle>>();
  const dev = new Map<string, ModuleBundle>();
  const load = (row: ModuleRow): Promise<ModuleBundle> => {
    const built = dev.get(row.id);
    if (built !== undefined) return Promise.resolve(built);
    const key = `${row.id}@${row.version}`;
    let bundle = cache.get(key);
    if (bundle === undefined) {
      bundle = readBundle(modulesDir, row);
      cache.set(key, bundle);
      bundle.catch(() => cache.delete(key)); // a failed read is retried next time
    }
    return bundle;
  };
  const active = (id: string) =>
    db
      .selectFrom('modules')
      .select(['id', 'version', 'manifest', 'path', 'kind'])
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();

  /** The campaign's system, then `addonIds` in order, each at its active version. */
  const bundles = async (
    campaignId: string,
    addonIds: readonly string[],
  ): Promise<ModuleBundle[]> => {
    const campaign = await db
      .selectFrom('campaigns')
      .select('system')
      .where('id', '=', campaignId)
      .executeTakeFirst();
    if (campaign === undefined)
      throw new VttError('VTT_ERR_CAMPAIGN_NOT_FOUND', { id: campaignId });
    const system = await active(campaign.system);
    if (system === undefined || system.kind !== 'system') {
      throw new VttError('VTT_ERR_MODULE_NOT_INSTALLED', { id: campaign.system });
    }
    const rows: ModuleRow[] = [system];
    for (const id of addonIds) {
      const addon = await active(id);
      if (addon === undefined) throw new VttError('VTT_ERR_MODULE_NOT_INSTALLED', { id });
      rows.push(addon);
    }
    return Promise.all(rows.map(load));
  };

  return {
    devBundle: (moduleId) => dev.get(moduleId),
    setDevBundle(moduleId, bundle) {
      if (bundle === null) dev.delete(moduleId);
      else dev.set(moduleId, bundle);
    },
    forget(moduleId) {
      dev.delete(moduleId);
      for (const key of cache.keys()) if (key.startsWith(`${moduleId}@`)) cache.delete(key);
    },
    async bundlesFor(campaignId) {
      const addons = await db
        .selectFrom('campaign_modules')
        .select('module_id')
        .where('campaign_id', '=', campaignId)
        .orderBy('position')
        .execute();
      return bundles(
        campaignId,
        addons.map((a) => a.module_id),
      );
    },
    bundlesWith: (campaignId, addons) => bundles(campaignId, addons),
    async hasSystem(moduleId) {
      const row = await active(moduleId);
      return row !== undefined && row.kind === 'system';
    },
  };
}
