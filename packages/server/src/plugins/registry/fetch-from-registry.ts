/**
 * Fetching `id@range` from a registry, for `POST /api/modules/install-from-registry`
 * and `vtt install id@range --registry`: the module's listing, the newest
 * version in the range whose engine range this core meets, its archive
 * (size-capped, under a deadline), then every check before anything is
 * written: the SHA-256 of the bytes and the verified digest against the
 * listing, the archive checks of `vtt inspect` and the module checks of
 * `vtt validate` (`checkModuleArchive`).
 */
import { createHash } from 'node:crypto';
import { CORE_API_VERSION, isSemverRange, satisfiesRange, VttError } from '@vtt/core';
import {
  checkModuleArchive,
  type ArchiveCheck,
  type ArchiveRefusal,
} from '../modules/install-archive.js';
import {
  readCappedBody,
  readJson,
  registryBase,
  registryFetch,
  remoteError,
} from './registry-http.js';
import { bySemver } from './registry-store.js';
import { archivePath, REGISTRY_BASE, type RegistryVersion } from './registry-types.js';

const MODULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A module to install: its id and the semver range its version must satisfy. */
export interface ModuleSpec {
  readonly id: string;
  readonly range: string;
}

/**
 * Parses `id@range` (`my-system@^1.2.0`; only `id` means `*`, the newest).
 *
 * @throws VttError `VTT_ERR_REGISTRY_SPEC_INVALID` naming what is wrong.
 * @example
 * parseModuleSpec('dice-tray@~1.4'); // { id: 'dice-tray', range: '~1.4' }
 */
export function parseModuleSpec(spec: string): ModuleSpec {
  const at = spec.indexOf('@');
  const id = (at === -1 ? spec : spec.slice(0, at)).trim();
  const range = at === -1 ? '*' : spec.slice(at + 1).trim();
  if (!MODULE_ID.test(id) || id.length > 64) {
    throw new VttError('VTT_ERR_REGISTRY_SPEC_INVALID', {
      spec,
      problem: `'${id}' is no module id (kebab-case, like 'my-system')`,
    });
  }
  if (range === '' || !isSemverRange(range)) {
    throw new VttError('VTT_ERR_REGISTRY_SPEC_INVALID', {
      spec,
      problem: `'${range}' is no semver range`,
    });
  }
  return { id, range };
}

/** Options of {@link fetchFromRegistry}. */
export interface FetchFromRegistryOptions {
  /** The registry's address, e.g. `https://modules.example.com`. */
  readonly registry: string;
  /** `id@range`, or the parsed spec. */
  readonly module: string | ModuleSpec;
  /** The largest archive read, in bytes (the server's `maxModuleBytes`). */
  readonly maxBytes: number;
  /** Deadline of each request, body included; 30 s by default. */
  readonly timeoutMs?: number;
  /** The core API version engine ranges are checked against; this core's by default. */
  readonly coreVersion?: string;
}

/** A fetched archive that passed every check, ready for `installCheckedArchive`. */
export interface FetchedModule {
  readonly status: 'fetched';
  /** The registry's normalised address. */
  readonly registry: string;
  /** The listing entry of the version chosen. */
  readonly entry: RegistryVersion;
  readonly bytes: Uint8Array;
  readonly checked: Extract<ArchiveCheck, { status: 'valid' }>;
}

/** The listing's versions, each checked to have the fields this relies on. */
function versionsOf(body: unknown, invalid: (problem: string) => VttError): RegistryVersion[] {
  const versions = (body as { versions?: unknown } | null)?.versions;
  if (!Array.isArray(versions)) throw invalid('it has no "versions" list');
  return versions.map((v: unknown, i) => {
    const entry = v as Partial<RegistryVersion> | null;
    for (const field of ['version', 'engine', 'digest', 'sha256'] as const) {
      if (typeof entry?.[field] !== 'string') throw invalid(`versions[${i}].${field} is no string`);
    }
    if (typeof entry?.size !== 'number') throw invalid(`versions[${i}].size is no number`);
    return entry as RegistryVersion;
  });
}

/** The newest of `versions` in `range` whose engine range `coreVersion` meets. */
function choose(
  versions: readonly RegistryVersion[],
  spec: ModuleSpec,
  coreVersion: string,
  registry: string,
): RegistryVersion {
  const fits = versions
    .filter((v) => satisfiesRange(v.version, spec.range))
    .filter((v) => isSemverRange(v.engine) && satisfiesRange(coreVersion, v.engine))
    .sort((a, b) => bySemver(a.version, b.version));
  const best = fits.at(-1);
  if (best !== undefined) return best;
  const listed = [...versions]
    .sort((a, b) => bySemver(a.version, b.version))
    .map((v) => `${v.version} (engine ${v.engine})`);
  throw new VttError('VTT_ERR_REGISTRY_NO_MATCHING_VERSION', {
    id: spec.id,
    registry,
    range: spec.range,
    coreVersion,
    versions: listed.length === 0 ? 'no versions' : listed.join(', '),
  });
}

/**
 * Fetches and verifies `options.module` from `options.registry`. Throws
 * for a registry problem; returns the archive's refusal (every problem)
 * when the archive itself fails the checks of `checkModuleArchive`.
 * Writes nothing.
 *
 * @throws VttError `VTT_ERR_REGISTRY_URL_INVALID`, `..._SPEC_INVALID`,
 *   `..._UNREACHABLE`, `..._ANSWER_INVALID`, `..._MODULE_NOT_FOUND`,
 *   `..._NO_MATCHING_VERSION`, `..._ARCHIVE_TOO_LARGE`,
 *   `..._SHA256_MISMATCH`, `..._DIGEST_MISMATCH` or `..._MANIFEST_MISMATCH`.
 * @example
 * const fetched = await fetchFromRegistry({ registry, module: 'dice-tray@^1', maxBytes });
 * if (fetched.status === 'fetched') await installCheckedArchive({ db, dataDir, checked: fetched.checked });
 */
export async function fetchFromRegistry(
  options: FetchFromRegistryOptions,
): Promise<FetchedModule | ArchiveRefusal> {
  const registry = registryBase(options.registry);
  const spec =
    typeof options.module === 'string' ? parseModuleSpec(options.module) : options.module;
  const coreVersion = options.coreVersion ?? CORE_API_VERSION;
  const timing = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };

  const listing = await registryFetch(registry, `${REGISTRY_BASE}/${spec.id}`, {
    headers: { accept: 'application/json' },
    ...timing,
  });
  const invalid = (problem: string) =>
    new VttError('VTT_ERR_REGISTRY_ANSWER_INVALID', { registry, url: listing.url, problem });
  const body = await readJson(listing, registry);
  if (listing.response.status !== 200) {
    const remote = remoteError(body);
    if (remote?.code === 'VTT_ERR_REGISTRY_MODULE_NOT_FOUND') {
      throw new VttError('VTT_ERR_REGISTRY_MODULE_NOT_FOUND', { registry, id: spec.id });
    }
    const said = remote === undefined ? '' : ` ${remote.code}: ${remote.message}`;
    throw invalid(`HTTP ${listing.response.status}${said}`);
  }
  const entry = choose(versionsOf(body, invalid), spec, coreVersion, registry);
  const { version } = entry;
  const tooLarge = () =>
    new VttError('VTT_ERR_REGISTRY_ARCHIVE_TOO_LARGE', {
      id: spec.id,
      version,
      registry,
      limit: `${+(options.maxBytes / (1024 * 1024)).toFixed(1)} MiB`,
    });
  if (entry.size > options.maxBytes) throw tooLarge();

  const download = await registryFetch(registry, archivePath(spec.id, version), timing);
  if (download.response.status !== 200) {
    await download.response.body?.cancel().catch(() => undefined);
    throw new VttError('VTT_ERR_REGISTRY_ANSWER_INVALID', {
      registry,
      url: download.url,
      problem: `HTTP ${download.response.status} instead of the archive`,
    });
  }
  const bytes = await readCappedBody(download, registry, options.maxBytes, tooLarge);

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== entry.sha256) {
    throw new VttError('VTT_ERR_REGISTRY_SHA256_MISMATCH', {
      id: spec.id,
      version,
      registry,
      expected: entry.sha256,
      got: sha256,
    });
  }
  const checked = await checkModuleArchive({ bytes, name: `${spec.id}-${version}.vttmod` });
  if (checked.status === 'refused') return checked;
  if (checked.digest !== entry.digest) {
    throw new VttError('VTT_ERR_REGISTRY_DIGEST_MISMATCH', {
      id: spec.id,
      version,
      registry,
      expected: entry.digest,
      got: checked.digest,
    });
  }
  const { manifest } = checked;
  if (manifest.id !== spec.id || manifest.version !== version) {
    throw new VttError('VTT_ERR_REGISTRY_MANIFEST_MISMATCH', {
      id: spec.id,
      version,
      registry,
      gotId: manifest.id,
      gotVersion: manifest.version,
    });
  }
  return { status: 'fetched', registry, entry, bytes, checked };
}
