/**
 * Live tables (plugin `vtt-tables`): the process's one sandbox host, a
 * table per campaign loaded on first use and unloaded when idle, and the
 * {@link TableService} the other plugins use.
 */
import { randomBytes } from 'node:crypto';
import { createTableState } from '@vtt/core';
import { createSandboxHost } from '@vtt/sandbox';
import fp from 'fastify-plugin';
import type { TableService } from '../../server-types.js';
import { LiveTable, type LiveTableDeps } from './live-table.js';
import { saveSnapshot } from './table-store.js';

/** What the tables plugin adds beyond the contract: the live tables themselves, for the realtime plugin. */
export interface LiveTables {
  /** The campaign's live table, loaded once however many ask at the same time. */
  open(campaignId: string): Promise<LiveTable>;
  /** The table if it is loaded, else undefined. */
  loaded(campaignId: string): LiveTable | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    liveTables: LiveTables;
  }
}

/** Decorates `sandbox`, `tables` and `liveTables`. */
export const tablesPlugin = fp(
  async (app) => {
    const config = app.vttConfig;
    const host = await createSandboxHost({
      workers: config.sandboxWorkers,
      onEvent: (event) => {
        if (event.type === 'call-finished') app.metrics.sandboxCall(event.fn, event.ms);
        else if (event.type === 'call-failed')
          app.metrics.sandboxCall(event.fn, 0, event.error.code);
      },
    });
    app.decorate('sandbox', host);
    const deps: LiveTableDeps = {
      db: app.db,
      host,
      snapshotEvery: config.snapshotEvery,
      bundles: (id) => app.modules.bundlesFor(id),
      log: app.log,
      onAppended: (ms) => app.metrics.appendDone(ms),
      // The assets plugin registers after this one; looked up when a scene is made.
      imageSize: (campaignId, assetId) => app.assets.info(campaignId, assetId),
    };
    const tables = new Map<string, Promise<LiveTable>>();
    const ready = new Map<string, LiveTable>();

    /** The campaign's name, add-ons and members as its rows say (what the table must agree with). */
    const campaignRows = async (campaignId: string) => {
      const row = await app.db
        .selectFrom('campaigns')
        .select('name')
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow();
      const members = await app.db
        .selectFrom('members')
        .innerJoin('users', 'users.id', 'members.user_id')
        .select(['members.user_id', 'members.role', 'users.display_name'])
        .where('members.campaign_id', '=', campaignId)
        .orderBy('members.joined_at')
        .execute();
      const addons = await app.db
        .selectFrom('campaign_modules')
        .select('module_id')
        .where('campaign_id', '=', campaignId)
        .orderBy('position')
        .execute();
      return {
        name: row.name,
        addons: addons.map((a) => a.module_id),
        members: members.map((m) => ({ userId: m.user_id, name: m.display_name, role: m.role })),
      };
    };

    const unload = async (campaignId: string): Promise<void> => {
      const loading = tables.get(campaignId);
      tables.delete(campaignId);
      ready.delete(campaignId);
      const table = await loading?.catch(() => undefined);
      await table?.close();
    };

    const open = async (campaignId: string): Promise<LiveTable> => {
      const known = ready.get(campaignId);
      if (known !== undefined && known.broken) await unload(campaignId);
      let loading = tables.get(campaignId);
      if (loading === undefined) {
        loading = LiveTable.load(campaignId, deps).then(async (table) => {
          await table
            .reconcile(await campaignRows(campaignId))
            .catch((error: unknown) =>
              app.log.error(
                { err: error, campaignId },
                'the table could not take the campaign rows',
              ),
            );
          return table;
        });
        tables.set(campaignId, loading);
        loading.then(
          (table) => ready.set(campaignId, table),
          () => tables.delete(campaignId),
        );
      }
      return loading;
    };

    const service: TableService = {
      async state(campaignId) {
        return (await open(campaignId)).state;
      },
      async createTable(campaign) {
        const state = createTableState({
          campaignId: campaign.id,
          name: campaign.name,
          gmUserId: campaign.gmUserId,
          gmName: campaign.gmName,
          seed: campaign.seed ?? randomBytes(32).toString('hex'),
          system: campaign.system,
        });
        await saveSnapshot(app.db, campaign.id, state);
      },
      async syncMember(campaignId, member) {
        await (await open(campaignId)).syncMember(member);
      },
      async syncName(campaignId, name) {
        await (await open(campaignId)).syncName(name);
      },
      async dropTable(campaignId) {
        await unload(campaignId);
      },
      async reloadModules(campaignId, { addons, save }) {
        const bundles = await app.modules.bundlesWith(campaignId, addons);
        const table = await open(campaignId).catch((error: unknown) => {
          app.log.warn({ err: error, campaignId }, 'the table did not load; its add-ons change');
          return null;
        });
        if (table !== null) return table.reloadModules({ bundles, addons, save });
        // No rules run to keep (the set enabled now fails to load): record the new set and load that.
        await save();
        await open(campaignId);
      },
      async reloadRunning(moduleId, { stopIfFirstFails }) {
        const outcomes: { campaignId: string; error: unknown }[] = [];
        for (const [campaignId, table] of ready) {
          if (table.broken || !table.moduleStatus().some((m) => m.moduleId === moduleId)) continue;
          const addons = table.state.campaign.modules;
          const error = await app.modules
            .bundlesWith(campaignId, addons)
            .then((bundles) => table.reloadModules({ bundles, addons, save: async () => {} }))
            .then(
              () => null,
              (failure: unknown) => failure,
            );
          outcomes.push({ campaignId, error });
          if (error !== null && stopIfFirstFails && outcomes.length === 1) break;
        }
        return outcomes;
      },
      async moduleStatus(campaignId) {
        return (await open(campaignId)).moduleStatus();
      },
    };
    app.decorate('tables', service);
    app.decorate('liveTables', { open, loaded: (id: string) => ready.get(id) });
    app.metrics.setSources({
      activeTables: () => ready.size,
      quarantinedModules: () => {
        let n = 0;
        for (const table of ready.values()) {
          n += table.moduleStatus().filter((m) => m.state === 'suspended').length;
        }
        return n;
      },
    });

    const sweep = setInterval(
      () => {
        const now = Date.now();
        for (const [id, table] of ready) {
          if (table.connections === 0 && now - table.lastUsed > config.tableIdleMs) {
            app.log.info({ campaignId: id }, 'idle table unloaded');
            void unload(id);
          }
        }
      },
      Math.min(config.tableIdleMs, 60_000),
    );
    sweep.unref();

    app.addHook('onClose', async () => {
      clearInterval(sweep);
      await Promise.all([...tables.keys()].map(unload));
      await host.close();
    });
  },
  { name: 'vtt-tables', dependencies: ['vtt-persistence', 'vtt-modules', 'vtt-metrics'] },
);
