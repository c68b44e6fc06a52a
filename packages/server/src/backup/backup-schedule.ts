/**
 * Scheduled backups: every `backupEveryMinutes` the server backs its own
 * data folder up (`createBackup`, as `vtt backup` does) into
 * `backupDir` (default `<data>/backups`) and keeps the newest `backupKeep`
 * archives, deleting older ones and any `.partial` a crash left. One backup
 * at a time; a failed one is logged and the next is tried on schedule.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createBackup } from './create-backup.js';

/** File names of scheduled backups: the time makes their order the names' order. */
const NAME = /^vtt-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.tar\.gz$/;

/** What the schedule needs of the server. */
export interface BackupScheduleOptions {
  readonly dataDir: string;
  readonly dir: string;
  readonly everyMs: number;
  readonly keep: number;
  readonly log: {
    info(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
}

/** A running schedule. */
export interface BackupSchedule {
  /** Takes one backup now (the schedule's own, with pruning); resolves with its path. */
  runOnce(): Promise<string>;
  /** Stops the schedule and waits for a backup in progress. */
  stop(): Promise<void>;
}

/** The archive name for a backup taken at `at`. */
export const scheduledName = (at: Date): string =>
  `vtt-backup-${at.toISOString().replace(/[:.]/g, '-')}.tar.gz`;

/** Deletes the scheduled backups of `dir` beyond the newest `keep`, and leftover `.partial` files. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  const archives = names.filter((n) => NAME.test(n));
  const doomed = [
    ...archives.slice(0, Math.max(0, archives.length - keep)),
    ...names.filter((n) => n.endsWith('.tar.gz.partial') && NAME.test(n.slice(0, -8))),
  ];
  for (const name of doomed) await rm(join(dir, name), { force: true });
  return doomed;
}

/**
 * Starts backing `options.dataDir` up every `options.everyMs`.
 *
 * @example
 * const schedule = startBackupSchedule({ dataDir, dir: join(dataDir, 'backups'), everyMs: 6 * 3_600_000, keep: 7, log });
 * await schedule.stop();
 */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  let running: Promise<string> | null = null;
  let stopped = false;
  const runOnce = (): Promise<string> => {
    if (running !== null) return running;
    running = (async () => {
      const started = Date.now();
      await mkdir(options.dir, { recursive: true, mode: 0o700 });
      const out = join(options.dir, scheduledName(new Date()));
      const made = await createBackup({ dataDir: options.dataDir, out });
      const pruned = await pruneBackups(options.dir, options.keep);
      options.log.info(
        {
          path: made.path,
          bytes: made.bytes,
          ms: Date.now() - started,
          campaigns: made.manifest.campaigns.length,
          pruned: pruned.length,
        },
        'scheduled backup written',
      );
      return made.path;
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (stopped || running !== null) return; // the one in progress covers this turn
    runOnce().catch((error: unknown) =>
      options.log.error({ err: error }, 'scheduled backup failed; the next is tried on time'),
    );
  }, options.everyMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
