/**
 * `vtt install`: reads the archive and hands it to the server's own install,
 * into a data folder no server is running on.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isVttError } from '@vtt/core';
import { cliError, fromVttError } from '../lib/cli-error.js';
import { CliError, type CliIo } from '../lib/io.js';
import { progress } from '../lib/report.js';
import type { ArchiveInstallOutcome } from '@vtt/server';

/** Options of `vtt install`, as commander parses them. */
export interface InstallOptions {
  /** The data folder; VTT_DATA, then ./vtt-data when left out. */
  readonly data?: string;
  /** A module registry: the argument is then `id@range`. */
  readonly registry?: string;
  readonly json: boolean;
}

/** What `vtt install` installed. */
export interface InstallResult {
  readonly id: string;
  readonly version: string;
  readonly kind: string;
  /** Whether campaigns now use this version. */
  readonly active: boolean;
  readonly digest: string;
  /** The registry it came from, with --registry. */
  readonly registry?: string;
  /** SHA-256 of the archive's bytes, as the registry lists it, with --registry. */
  readonly sha256?: string;
}

/** The largest archive read: what a server accepts by default (VTT_MAX_MODULE_BYTES). */
const MAX_ARCHIVE_BYTES = 32 * 1024 * 1024;

/**
 * Installs the archive `file` into the data folder `options.data` with the
 * server's own install (`installModuleOffline` of `@vtt/server`), and
 * prints what it did; a refusal throws a CliError with every problem.
 */
export async function runInstall(
  file: string,
  options: InstallOptions,
  io: CliIo,
): Promise<InstallResult> {
  if (options.registry !== undefined)
    return installFromRegistry(file, options.registry, options, io);
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) throw cliError('VTT_ERR_PROJECT_ARCHIVE_MISSING', { file });
  if (info.size > MAX_ARCHIVE_BYTES) {
    const params = { file, size: info.size, max: MAX_ARCHIVE_BYTES };
    throw cliError('VTT_ERR_PROJECT_ARCHIVE_TOO_LARGE', params, { file });
  }
  const dataDir = options.data ?? process.env['VTT_DATA'] ?? './vtt-data';
  progress(io, `checking ${file}...`);
  const { installModuleOffline } = await import('@vtt/server');
  let outcome;
  try {
    outcome = await installModuleOffline({
      dataDir,
      bytes: new Uint8Array(await readFile(file)),
      name: basename(file),
    });
  } catch (error) {
    if (isVttError(error)) throw new CliError([fromVttError(error)]);
    throw error;
  }
  if (outcome.status === 'refused') {
    const n = outcome.problems.length;
    throw new CliError(outcome.problems, {
      summary: `${basename(file)} was not installed: ${n} problem${n === 1 ? '' : 's'}.`,
    });
  }
  return printInstalled(outcome, dataDir, options, io);
}

/** Prints what was installed (or, with --json, the result as JSON) and returns it. */
function printInstalled(
  outcome: Extract<ArchiveInstallOutcome, { status: 'installed' }>,
  dataDir: string,
  options: InstallOptions,
  io: CliIo,
  from?: { readonly registry: string; readonly sha256: string },
): InstallResult {
  const { id, version, kind } = outcome.manifest;
  const installed: InstallResult = {
    id,
    version,
    kind,
    active: outcome.active,
    digest: outcome.digest,
    ...(from === undefined ? {} : { registry: from.registry, sha256: from.sha256 }),
  };
  if (options.json) {
    io.stdout(`${JSON.stringify(installed, null, 2)}\n`);
  } else {
    io.stdout(
      `installed ${id}@${version} (${kind}) into ${dataDir}` +
        `${outcome.active ? ', now the active version' : ', stored (a newer version stays active)'}\n` +
        `sha256 ${outcome.digest}\n` +
        (from === undefined ? '' : `from ${from.registry} (archive sha256 ${from.sha256})\n`),
    );
  }
  return installed;
}

/**
 * `vtt install id@range --registry URL`: the server's own fetch-and-verify
 * (`installFromRegistryOffline`), into the data folder.
 */
async function installFromRegistry(
  spec: string,
  registry: string,
  options: InstallOptions,
  io: CliIo,
): Promise<InstallResult> {
  const dataDir = options.data ?? process.env['VTT_DATA'] ?? './vtt-data';
  progress(io, `fetching ${spec} from ${registry}...`);
  const { installFromRegistryOffline } = await import('@vtt/server');
  let outcome;
  try {
    outcome = await installFromRegistryOffline({
      dataDir,
      registry,
      module: spec,
      maxBytes: MAX_ARCHIVE_BYTES,
    });
  } catch (error) {
    if (isVttError(error)) throw new CliError([fromVttError(error)]);
    throw error;
  }
  if (outcome.status === 'refused') {
    const n = outcome.problems.length;
    throw new CliError(outcome.problems, {
      summary: `${spec} from ${registry} was not installed: ${n} problem${n === 1 ? '' : 's'}.`,
    });
  }
  const from = { registry: outcome.registry, sha256: outcome.entry?.sha256 ?? '' };
  return printInstalled(outcome, dataDir, options, io, from);
}
