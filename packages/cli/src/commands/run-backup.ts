/** `vtt backup` and `vtt restore`: the server's backup code, with progress and a result line. */
import { isVttError } from '@vtt/core';
import { fromVttError } from '../lib/cli-error.js';
import { CliError, type CliIo } from '../lib/io.js';
import { progress } from '../lib/report.js';

/** Options of `vtt backup`, as commander parses them. */
export interface BackupOptions {
  readonly data?: string;
  readonly out?: string;
  readonly json: boolean;
}

/** Options of `vtt restore`. */
export interface RestoreOptions {
  readonly data?: string;
  readonly json: boolean;
}

const dataDirOf = (data: string | undefined): string =>
  data ?? process.env['VTT_DATA'] ?? './vtt-data';

async function asCliError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isVttError(error)) throw new CliError([fromVttError(error)]);
    throw error;
  }
}

/** Backs up `options.data` to `options.out`; returns the archive's path. */
export async function runBackup(options: BackupOptions, io: CliIo): Promise<string> {
  const { createBackup } = await import('@vtt/server');
  const dataDir = dataDirOf(options.data);
  const out = options.out ?? `vtt-backup-${new Date().toISOString().slice(0, 10)}.tar.gz`;
  progress(io, `backing up ${dataDir}...`);
  const made = await asCliError(() =>
    createBackup({
      dataDir,
      out,
      onProgress: ({ file, done, total }) => progress(io, `  [${done}/${total}] ${file}`),
    }),
  );
  const { files, campaigns } = made.manifest;
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ path: made.path, bytes: made.bytes, files: files.length, campaigns: campaigns.length }, null, 2)}\n`,
    );
  } else {
    io.stdout(
      `wrote ${made.path} (${made.bytes} bytes): ${files.length} files, ${campaigns.length} campaigns\n`,
    );
  }
  return made.path;
}

/** Restores `archive` into `options.data`; returns the data folder. */
export async function runRestore(
  archive: string,
  options: RestoreOptions,
  io: CliIo,
): Promise<string> {
  const { restoreBackup } = await import('@vtt/server');
  const dataDir = dataDirOf(options.data);
  progress(io, `restoring ${archive} into ${dataDir} (every file and campaign is checked)...`);
  const done = await asCliError(() => restoreBackup({ archive, dataDir }));
  const { files, campaigns } = done.manifest;
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ dataDir: done.dataDir, files: files.length, campaigns: campaigns.length }, null, 2)}\n`,
    );
  } else {
    io.stdout(
      `restored ${files.length} files and ${campaigns.length} campaigns into ${done.dataDir}; ` +
        `start it with: vtt serve --data ${done.dataDir}\n`,
    );
  }
  return done.dataDir;
}
