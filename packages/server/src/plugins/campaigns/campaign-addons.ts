/**
 * The add-on modules of a campaign as its rows say (`campaign_modules`,
 * in hook order), the checks a new set must pass before a table loads it,
 * and the one write that records it.
 */
import { satisfiesRange, VttError, type ModuleManifest } from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';

/** An installed module at its active version, as a campaign uses it. */
export interface CampaignModule {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly kind: 'system' | 'addon';
  readonly dependencies: Readonly<Record<string, string>>;
}

/** The active version of module `id`, or undefined when it is not installed. */
async function activeModule(db: Kysely<Database>, id: string): Promise<CampaignModule | undefined> {
  const row = await db
    .selectFrom('modules')
    .select(['manifest'])
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const manifest = JSON.parse(row.manifest) as ModuleManifest;
  return {
    id: manifest.id,
    name: manifest.name,
    version: manifest.version,
    kind: manifest.kind,
    dependencies: manifest.dependencies ?? {},
  };
}

/** The ids of the add-ons a campaign has enabled, in hook order. */
export async function enabledAddons(db: Kysely<Database>, campaignId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('campaign_modules')
    .select('module_id')
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute();
  return rows.map((row) => row.module_id);
}

/**
 * The campaign's system and the add-ons of `addonIds` at their active
 * versions, as they are (no check: what a table of the campaign runs).
 * @throws VttError `VTT_ERR_MODULE_NOT_INSTALLED` for a module with no active version.
 */
export async function campaignModules(
  db: Kysely<Database>,
  systemId: string,
  addonIds: readonly string[],
): Promise<{ readonly system: CampaignModule; readonly addons: readonly CampaignModule[] }> {
  const system = await activeModule(db, systemId);
  if (system === undefined) throw new VttError('VTT_ERR_MODULE_NOT_INSTALLED', { id: systemId });
  const addons: CampaignModule[] = [];
  for (const id of addonIds) {
    const addon = await activeModule(db, id);
    if (addon === undefined) throw new VttError('VTT_ERR_MODULE_NOT_INSTALLED', { id });
    addons.push(addon);
  }
  return { system, addons };
}

/**
 * The campaign's system and `addons` at their active versions, once every
 * add-on is an installed add-on whose dependencies the system and the
 * other add-ons meet.
 *
 * @throws VttError `VTT_ERR_MODULE_UNKNOWN_ID` (not installed),
 * `VTT_ERR_CAMPAIGN_ADDON_IS_SYSTEM`, `VTT_ERR_CAMPAIGN_ADDON_DEPENDENCY`,
 * each naming the add-on; `VTT_ERR_MODULE_NOT_INSTALLED` when the system is gone.
 * @example
 * const { system, addons } = await checkAddons(app.db, 'dnd5e', ['probe']);
 */
export async function checkAddons(
  db: Kysely<Database>,
  systemId: string,
  addonIds: readonly string[],
): Promise<{ readonly system: CampaignModule; readonly addons: readonly CampaignModule[] }> {
  const system = await activeModule(db, systemId);
  if (system === undefined) throw new VttError('VTT_ERR_MODULE_NOT_INSTALLED', { id: systemId });
  const addons: CampaignModule[] = [];
  for (const id of addonIds) {
    const addon = await activeModule(db, id);
    if (addon === undefined) throw new VttError('VTT_ERR_MODULE_UNKNOWN_ID', { id });
    if (addon.kind !== 'addon') throw new VttError('VTT_ERR_CAMPAIGN_ADDON_IS_SYSTEM', { id });
    addons.push(addon);
  }
  const used = new Map([system, ...addons].map((m) => [m.id, m]));
  for (const addon of addons) {
    for (const [dependency, range] of Object.entries(addon.dependencies)) {
      const met = used.get(dependency);
      if (met !== undefined && met.id !== addon.id && satisfiesRange(met.version, range)) continue;
      const found =
        met !== undefined
          ? `version ${met.version} is installed`
          : (await activeModule(db, dependency)) === undefined
            ? 'it is not installed'
            : 'it is not enabled in this campaign';
      throw new VttError('VTT_ERR_CAMPAIGN_ADDON_DEPENDENCY', {
        id: addon.id,
        dependency,
        range,
        found,
      });
    }
  }
  return { system, addons };
}

/** Replaces the campaign's add-ons with `addonIds` (in this order), in one transaction. */
export async function saveAddons(
  db: Kysely<Database>,
  campaignId: string,
  addonIds: readonly string[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('campaign_modules').where('campaign_id', '=', campaignId).execute();
    if (addonIds.length === 0) return;
    await trx
      .insertInto('campaign_modules')
      .values(
        addonIds.map((moduleId, position) => ({
          campaign_id: campaignId,
          module_id: moduleId,
          position,
        })),
      )
      .execute();
  });
}
