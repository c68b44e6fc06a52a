/**
 * Removes a module with every stored version, rows and folders, unless a
 * campaign uses it: as its system (`campaigns.system`, or the table state's
 * `campaign.system`) or as an add-on (`campaign_modules`, or the table
 * state's `campaign.modules`). Archived campaigns count: they can be
 * unarchived.
 */
import { rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { VttError } from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import { loadState } from '../tables/table-store.js';

/** A campaign that uses a module. */
export interface ModuleUser {
  readonly id: string;
  readonly name: string;
}

/** The campaigns whose rows say they use `moduleId` (system or enabled add-on). */
async function rowUsers(db: Kysely<Database>, moduleId: string): Promise<ModuleUser[]> {
  return db
    .selectFrom('campaigns')
    .select(['id', 'name'])
    .where((eb) =>
      eb.or([
        eb('system', '=', moduleId),
        eb(
          'id',
          'in',
          eb.selectFrom('campaign_modules').select('campaign_id').where('module_id', '=', moduleId),
        ),
      ]),
    )
    .orderBy('name')
    .execute();
}

/**
 * Every campaign that uses `moduleId`, by name: what its rows say, and
 * what its durable table state says (the latest snapshot and the events
 * after it, replayed without running any module).
 *
 * @example
 * const users = await campaignsUsing(db, 'dnd5e'); // [{ id: 'c1', name: 'Curse of the Crypt' }]
 */
export async function campaignsUsing(
  db: Kysely<Database>,
  moduleId: string,
): Promise<ModuleUser[]> {
  const users = new Map((await rowUsers(db, moduleId)).map((c) => [c.id, c]));
  const others = await db.selectFrom('campaigns').select(['id', 'name']).orderBy('name').execute();
  for (const campaign of others) {
    if (users.has(campaign.id)) continue;
    const { state } = await loadState(db, campaign.id).catch(() => ({ state: undefined }));
    const used = state?.campaign.system === moduleId || state?.campaign.modules.includes(moduleId);
    if (used === true) users.set(campaign.id, campaign);
  }
  return [...users.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The error naming the campaigns that use a module. */
function inUse(moduleId: string, users: readonly ModuleUser[]): VttError {
  return new VttError('VTT_ERR_MODULE_IN_USE', {
    id: moduleId,
    count: users.length,
    campaigns: users.map((c) => `"${c.name}" (${c.id})`).join(', '),
  });
}

/**
 * Deletes every version of `moduleId`: its rows in one transaction (after
 * checking again that no campaign row took it meanwhile), then its folders.
 *
 * @returns the versions removed.
 * @throws VttError `VTT_ERR_MODULE_UNKNOWN_ID` when none is stored,
 *   `VTT_ERR_MODULE_IN_USE` (409) naming the campaigns that use it.
 * @example
 * const versions = await removeModule({ db, dataDir, moduleId: 'my-system' });
 */
export async function removeModule(options: {
  readonly db: Kysely<Database>;
  readonly dataDir: string;
  readonly moduleId: string;
}): Promise<string[]> {
  const { db, moduleId } = options;
  const known = await db
    .selectFrom('modules')
    .select('id')
    .where('id', '=', moduleId)
    .executeTakeFirst();
  if (known === undefined) throw new VttError('VTT_ERR_MODULE_UNKNOWN_ID', { id: moduleId });
  const users = await campaignsUsing(db, moduleId);
  if (users.length > 0) throw inUse(moduleId, users);
  const rows = await db.transaction().execute(async (trx) => {
    const latest = await rowUsers(trx, moduleId);
    if (latest.length > 0) throw inUse(moduleId, latest);
    const stored = await trx
      .selectFrom('modules')
      .select(['version', 'path'])
      .where('id', '=', moduleId)
      .execute();
    if (stored.length === 0) throw new VttError('VTT_ERR_MODULE_UNKNOWN_ID', { id: moduleId });
    await trx.deleteFrom('modules').where('id', '=', moduleId).execute();
    return stored;
  });
  const modulesDir = join(options.dataDir, 'modules');
  for (const row of rows) await rm(join(modulesDir, row.path), { recursive: true, force: true });
  await rmdir(join(modulesDir, moduleId)).catch(() => undefined); // kept if something else is in it
  return rows.map((row) => row.version);
}
