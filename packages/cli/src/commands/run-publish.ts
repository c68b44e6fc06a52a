/**
 * `vtt publish`: reads the archive and uploads it with the server
 * package's registry client (`publishToRegistry`); the registry's refusals
 * come back with their own codes and fixes.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isVttError } from '@vtt/core';
import { cliError, fromVttError } from '../lib/cli-error.js';
import { CliError, type CliIo } from '../lib/io.js';
import { progress } from '../lib/report.js';

/** Options of `vtt publish`, as commander parses them. */
export interface PublishOptions {
  readonly registry: string;
  /** The API token; VTT_REGISTRY_TOKEN when left out. */
  readonly token?: string;
  readonly json: boolean;
}

/** What `vtt publish` published. */
export interface PublishResult {
  readonly id: string;
  readonly version: string;
  readonly kind: string;
  readonly registry: string;
  /** The archive's verified digest (SHA-256 of its canonical listing). */
  readonly digest: string;
  /** SHA-256 of the archive's bytes. */
  readonly sha256: string;
  readonly size: number;
  /** Every published version of the module, oldest first. */
  readonly versions: readonly string[];
}

/** The largest archive read: what a server accepts by default (VTT_MAX_MODULE_BYTES). */
const MAX_ARCHIVE_BYTES = 32 * 1024 * 1024;

function kib(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KiB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Publishes the archive `file` on `options.registry` and prints what was
 * published; a refusal throws a CliError with the registry's error code.
 */
export async function runPublish(
  file: string,
  options: PublishOptions,
  io: CliIo,
): Promise<PublishResult> {
  const { publishToRegistry, registryBase } = await import('@vtt/server');
  let registry: string;
  try {
    registry = registryBase(options.registry);
  } catch (error) {
    if (isVttError(error)) throw new CliError([fromVttError(error)]);
    throw error;
  }
  const token = options.token ?? process.env['VTT_REGISTRY_TOKEN'] ?? '';
  if (token.trim() === '') throw cliError('VTT_ERR_REGISTRY_TOKEN_MISSING', { registry });
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) throw cliError('VTT_ERR_PROJECT_ARCHIVE_MISSING', { file });
  if (info.size > MAX_ARCHIVE_BYTES) {
    const params = { file, size: info.size, max: MAX_ARCHIVE_BYTES };
    throw cliError('VTT_ERR_PROJECT_ARCHIVE_TOO_LARGE', params, { file });
  }
  progress(io, `publishing ${basename(file)} (${kib(info.size)}) to ${registry}...`);
  let published;
  try {
    published = await publishToRegistry({
      registry,
      token: token.trim(),
      bytes: new Uint8Array(await readFile(file)),
    });
  } catch (error) {
    if (isVttError(error)) {
      throw new CliError([fromVttError(error, { file: basename(file) })], {
        summary: `${basename(file)} was not published on ${registry}.`,
      });
    }
    throw error;
  }
  const result: PublishResult = {
    id: published.id,
    version: published.version,
    kind: published.kind,
    registry,
    digest: published.digest,
    sha256: published.sha256,
    size: published.size,
    versions: published.versions,
  };
  if (options.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    io.stdout(
      `published ${result.id}@${result.version} (${result.kind}) on ${registry}\n` +
        `versions there: ${result.versions.join(', ')}\n` +
        `sha256 ${result.sha256}\n` +
        `digest ${result.digest}\n` +
        `another server's admin installs it with: vtt install ${result.id}@^${result.version} --registry ${registry}\n`,
    );
  }
  return result;
}
