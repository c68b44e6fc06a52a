import { stat, readFile } from 'node:fs/promises';
import { isVttError, MANIFEST_FILE } from '@vtt/core';
import { DEFAULT_ARCHIVE_LIMITS, readArchive } from '@vtt/sdk/archive';
import { cliError, fromVttError } from '../lib/cli-error.js';
import { CliError, type CliIo } from '../lib/io.js';

/** Options of `vtt inspect`. */
export interface InspectOptions {
  readonly json: boolean;
}

/** Reads `file`, verifies it and prints its listing; a CliError with the archive's error code otherwise. */
export async function runInspect(file: string, options: InspectOptions, io: CliIo): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) throw cliError('VTT_ERR_PROJECT_ARCHIVE_MISSING', { file });
  const max = DEFAULT_ARCHIVE_LIMITS.maxTotalBytes;
  if (info.size > max) {
    throw cliError('VTT_ERR_PROJECT_ARCHIVE_TOO_LARGE', { file, size: info.size, max }, { file });
  }
  let read;
  try {
    read = readArchive(new Uint8Array(await readFile(file)));
  } catch (error) {
    if (!isVttError(error)) throw error;
    throw new CliError([fromVttError(error, { file })]);
  }
  const manifestBytes = read.files.get(MANIFEST_FILE);
  const manifest = manifestBytes
    ? (JSON.parse(new TextDecoder().decode(manifestBytes)) as {
        id?: string;
        version?: string;
        name?: string;
      })
    : null;
  const files = read.integrity.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 }));
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ manifest: manifest && { id: manifest.id, name: manifest.name, version: manifest.version }, digest: read.digest, verified: true, files }, null, 2)}\n`,
    );
    return;
  }
  io.stdout(
    `${manifest ? `${manifest.name} (${manifest.id}@${manifest.version})` : '(no vtt-module.json)'}\n`,
  );
  const width = Math.max(...files.map((f) => String(f.size).length));
  for (const f of files) io.stdout(`  ${String(f.size).padStart(width)}  ${f.path}\n`);
  io.stdout(`${files.length} files, digest sha256 ${read.digest} (verified)\n`);
}
