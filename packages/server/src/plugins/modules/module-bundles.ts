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

/** Reads one installed version: its manifest (validated at install), bundle and packs. */
async function readBundle(modulesDir: string, row: ModuleRow): Promise<ModuleBundle> {
  const manifest = JSON.parse(row.manifest) as ModuleManifest;
  const dir = join(modulesDir, row.path);
  if (manifest.entry === undefined) throw new VttError('VTT_ERR_MODULE_NO_BUNDLE', { id: row.id });
  const source = await readFile(join(dir, manifest.entry), 'utf8');
  const packs: Record<string, readonly CompendiumEntry[]> = {};
  for (const pack of manifest.compendium ?? []) {
    packs[pack.id] = JSON.parse(await readFile(join(dir, pack.path), 'utf8')) as CompendiumEntry[];
  }
  return { id: manifest.id, source, manifest, packs };
}

/** The bundle cache's own method, for the module routes. */
export interface ModuleBundleCache {
  /** Drops the cached bundles of `moduleId` (after its versions were removed). */
  forget(moduleId: string): void;
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
): ModuleService & ModuleBundleCache {
  const cache = new Map<string, Promise<ModuleBundle>>();
  const load = (row: ModuleRow): Promise<ModuleBundle> => {
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
    forget(moduleId) {
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
