/**
 * Installs a packed module (`.vttmod`) from its bytes: the archive checks of
 * `vtt inspect` (`readArchive`: format, paths, sizes, integrity record and
 * digest, all in memory), the module checks of `vtt validate`
 * (`checkModuleFiles`), the checks against what is installed
 * (`installRefusal`), then `storeModuleVersion`. A refused archive writes
 * nothing. Used by `POST /api/modules` and `vtt install`.
 */
import {
  isVttError,
  VttError,
  createDiagnostic,
  MANIFEST_FILE,
  type Diagnostic,
  type ModuleManifest,
} from '@vtt/core';
import { readArchive, type ArchiveLimits } from '@vtt/sdk/archive';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import { checkModuleFiles } from './check-module-files.js';
import { installRefusal, storeModuleVersion } from './store-module-version.js';

/** Options of {@link installModuleArchive}. */
export interface InstallArchiveOptions {
  readonly db: Kysely<Database>;
  /** The data folder (holds `modules/` and `tmp/`). */
  readonly dataDir: string;
  /** The archive's bytes, as uploaded or read from a file. */
  readonly bytes: Uint8Array;
  /** Names the archive in messages, e.g. its file name. */
  readonly name?: string;
  /** The archive reader's limits; its defaults where left out. */
  readonly limits?: Partial<ArchiveLimits>;
  readonly now?: number;
}

/** Why an archive was not installed. */
export interface ArchiveRefusal {
  readonly status: 'refused';
  /** One typed error for the whole refusal (what HTTP answers). */
  readonly error: VttError;
  /** Every problem found, for people (what `vtt install` prints). */
  readonly problems: readonly [Diagnostic, ...Diagnostic[]];
}

/** What {@link installModuleArchive} did. */
export type ArchiveInstallOutcome =
  | {
      readonly status: 'installed';
      readonly manifest: ModuleManifest;
      /** Whether the new version is now the one campaigns use. */
      readonly active: boolean;
      /** The archive's verified digest (SHA-256 hex of its canonical listing). */
      readonly digest: string;
    }
  | ArchiveRefusal;

function refused(error: VttError, file?: string): ArchiveRefusal {
  return {
    status: 'refused',
    error,
    problems: [createDiagnostic(error.code, '', error.params, file)],
  };
}

/** The one typed error for a module whose files have `problems`. */
function invalidModule(problems: readonly [Diagnostic, ...Diagnostic[]]): VttError {
  const [first] = problems;
  return new VttError('VTT_ERR_MODULE_ARCHIVE_INVALID', {
    count: problems.length,
    problemCode: first.code,
    where: `${first.file ?? MANIFEST_FILE}${first.pointer === '' ? '' : ` at ${first.pointer}`}`,
    problem: `${first.message} ${first.fix}`,
  });
}

/** What {@link checkModuleArchive} found: a module ready to store, or why not. */
export type ArchiveCheck =
  | {
      readonly status: 'valid';
      readonly manifest: ModuleManifest;
      /** Every file of the archive by path (the integrity record not among them). */
      readonly files: ReadonlyMap<string, Uint8Array>;
      readonly digest: string;
    }
  | ArchiveRefusal;

/**
 * Every check of an archive that needs no database, in memory: the archive
 * itself (`VTT_ERR_ARCHIVE_*`) and its module (`VTT_ERR_MODULE_ARCHIVE_INVALID`,
 * every problem in `problems`). Writes nothing.
 *
 * @example
 * const checked = await checkModuleArchive({ bytes });
 * if (checked.status === 'valid') console.log(checked.manifest.id, checked.digest);
 */
export async function checkModuleArchive(
  options: Pick<InstallArchiveOptions, 'bytes' | 'name' | 'limits'>,
): Promise<ArchiveCheck> {
  let read;
  try {
    read = readArchive(options.bytes, options.limits);
  } catch (error) {
    if (isVttError(error)) return refused(error, options.name);
    throw error;
  }
  const decoder = new TextDecoder();
  const checked = await checkModuleFiles(async (path) => {
    const data = read.files.get(path);
    return data === undefined ? undefined : decoder.decode(data);
  }, options.name ?? 'the archive');
  if (checked.status === 'invalid') {
    const [first, ...rest] = checked.problems;
    if (first === undefined) throw new Error('an invalid module with no problem');
    const problems = [first, ...rest] as const;
    return { status: 'refused', error: invalidModule(problems), problems };
  }
  return { status: 'valid', manifest: checked.manifest, files: read.files, digest: read.digest };
}

/**
 * Stores an archive {@link checkModuleArchive} passed as a new version of
 * its module, made active when it is the first or newer than the active
 * one (see {@link storeModuleVersion}), unless it conflicts with what is
 * installed (`installRefusal`); a refusal writes nothing.
 *
 * @example
 * const checked = await checkModuleArchive({ bytes });
 * if (checked.status === 'valid') await installCheckedArchive({ db, dataDir, checked });
 */
export async function installCheckedArchive(options: {
  readonly db: Kysely<Database>;
  readonly dataDir: string;
  readonly checked: Extract<ArchiveCheck, { status: 'valid' }>;
  readonly now?: number;
}): Promise<ArchiveInstallOutcome> {
  const { manifest, files, digest } = options.checked;
  const refusal = await installRefusal(options.db, manifest);
  if (refusal !== undefined) return refused(refusal, MANIFEST_FILE);
  const active = await storeModuleVersion({
    db: options.db,
    dataDir: options.dataDir,
    manifest,
    files,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { status: 'installed', manifest, active, digest };
}

/**
 * Checks the archive completely ({@link checkModuleArchive}), then stores
 * it ({@link installCheckedArchive}). Every refusal, of the archive, of its
 * module or against the installed modules, is returned before anything is
 * written.
 *
 * @example
 * const outcome = await installModuleArchive({ db, dataDir, bytes: await readFile(file) });
 * if (outcome.status === 'refused') throw outcome.error;
 */
export async function installModuleArchive(
  options: InstallArchiveOptions,
): Promise<ArchiveInstallOutcome> {
  const checked = await checkModuleArchive(options);
  if (checked.status === 'refused') return checked;
  return installCheckedArchive({
    db: options.db,
    dataDir: options.dataDir,
    checked,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}
