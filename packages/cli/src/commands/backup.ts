/**
 * `vtt backup` and `vtt restore`: one archive of a server's data folder,
 * taken while the server runs, and that archive unpacked and checked into a
 * new data folder. See docs/operations/backup-and-restore.md.
 */
import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { BackupOptions, RestoreOptions } from './run-backup.js';

/** Defines `vtt backup`; the server's code is loaded only when the command runs. */
export function backupCommand(io: CliIo): Command {
  return new Command('backup')
    .summary("write one archive of a server's data folder, also while it runs")
    .description(
      'Back up a data folder into one .tar.gz: a consistent copy of the SQLite database (taken ' +
        "with SQLite's VACUUM INTO in one read transaction, so the server may keep playing), the " +
        "signing key, the assets and the installed modules, and a manifest with every file's " +
        "SHA-256 and every campaign's state hash. The archive is written as <out>.partial and " +
        'renamed when complete, so an interrupted backup never looks finished. It holds password ' +
        'hashes and sessions: keep it private. A server on PostgreSQL is backed up with pg_dump.',
    )
    .option('--data <folder>', 'the data folder (VTT_DATA); ./vtt-data by default')
    .option('--out <file>', 'the archive to write; vtt-backup-<date>.tar.gz by default')
    .option('--json', 'print { path, bytes, files, campaigns } as JSON', false)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ vtt backup                                  ./vtt-data into vtt-backup-<date>.tar.gz',
        '  $ vtt backup --data /srv/vtt --out /backups/vtt-$(date +%F).tar.gz',
      ].join('\n'),
    )
    .action(async (options: BackupOptions) => {
      const { runBackup } = await import('./run-backup.js');
      await runBackup(options, io);
    });
}

/** Defines `vtt restore`. */
export function restoreCommand(io: CliIo): Command {
  return new Command('restore')
    .summary('unpack a backup into a new data folder, checking every file and campaign')
    .description(
      'Restore a `vtt backup` archive into a new or empty data folder. Everything is unpacked ' +
        'beside it and checked first: each file against the manifest (size and SHA-256, none ' +
        "missing or extra), the database with PRAGMA integrity_check, and every campaign's " +
        'state hash against the one taken at backup time. Only then is the folder put in place; ' +
        'a failed restore leaves nothing. Start the server on it with vtt serve --data.',
    )
    .argument('<archive>', 'the .tar.gz that vtt backup wrote')
    .option('--data <folder>', 'the new data folder (VTT_DATA); ./vtt-data by default')
    .option('--json', 'print { dataDir, files, campaigns } as JSON', false)
    .addHelpText(
      'after',
      ['', 'Examples:', '  $ vtt restore vtt-2026-12-04.tar.gz --data ./vtt-data-restored'].join(
        '\n',
      ),
    )
    .action(async (archive: string, options: RestoreOptions) => {
      const { runRestore } = await import('./run-backup.js');
      await runRestore(archive, options, io);
    });
}
