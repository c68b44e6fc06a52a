import { stat, readFile } from 'node:fs/promises';
import { isVttError, MANIFEST_FILE } from '@vtt/core';
import { DEFAULT_ARCHIVE_LIMITS, readArchive } from '@vtt/sdk/archive';
import { CliError, type CliIo } from '../lib/io.js';
import type { InspectOptions } from './inspect.js';

/** Reads `file`, verifies it and prints its listing; CliError with the archive error code otherwise. */
export async function runInspect(file: string, options: InspectOptions, io: CliIo): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile())
    throw new CliError(`${file} is not a file. Pass the path of a .vttmod archive.`);
  if (info.size > DEFAULT_ARCHIVE_LIMITS.maxTotalBytes) {
    throw new CliError(
      `${file} is ${info.size} bytes, over the ${DEFAULT_ARCHIVE_LIMITS.maxTotalBytes}-byte limit of a module archive.`,
    );
  }
  let read;
  try {
    read = readArchive(new Uint8Array(await readFile(file)));
  } catch (error) {
    if (!isVttError(error)) throw error;
    throw new CliError(`${error.code}: ${error.message}`);
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
