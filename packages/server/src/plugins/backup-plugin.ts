/**
 * Scheduled backups (plugin `vtt-backups`): with `backupEveryMinutes` set,
 * the server backs its SQLite data folder up on that schedule and keeps the
 * newest `backupKeep` archives (see `backup/backup-schedule.ts`). A server
 * on PostgreSQL logs that it schedules none (pg_dump backs it up).
 */
import { join } from 'node:path';
import fp from 'fastify-plugin';
import { startBackupSchedule } from '../backup/backup-schedule.js';

/** Starts the schedule when configured; stops it on close. */
export const backupPlugin = fp(
  async (app) => {
    const { backupEveryMinutes, backupKeep, backupDir, dataDir } = app.vttConfig;
    if (backupEveryMinutes === 0) return;
    if (app.dbInfo.dialect !== 'sqlite') {
      app.log.warn(
        {},
        'scheduled backups are for the SQLite database; back PostgreSQL up with pg_dump',
      );
      return;
    }
    const schedule = startBackupSchedule({
      dataDir,
      dir: backupDir ?? join(dataDir, 'backups'),
      everyMs: Math.round(backupEveryMinutes * 60_000),
      keep: backupKeep,
      log: app.log,
    });
    app.addHook('onClose', () => schedule.stop());
  },
  { name: 'vtt-backups', dependencies: ['vtt-persistence'] },
);
