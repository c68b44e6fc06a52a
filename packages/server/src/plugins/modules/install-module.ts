/**
 * Installs one module folder into the data folder: checks it the way
 * `vtt validate` does (`checkModuleFiles`: manifest, engine range, sheets,
 * compendium packs, the built bundle), then stores it as a version of its
 * id (`storeModuleVersion`), active when it is the first or a newer one.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { createDiagnostic, MANIFEST_FILE, type Diagnostic, type ModuleManifest } from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import { checkModuleFiles } from './check-module-files.js';
import { installRefusal, storeModuleVersion } from './store-module-version.js';

export { installedPath } from './store-module-version.js';

/** What {@link installModuleFolder} did with a folder. */
export type InstallOutcome =
  | { readonly status: 'installed'; readonly manifest: ModuleManifest }
  | { readonly status: 'present'; readonly id: string; readonly version: string }
  | { readonly status: 'invalid'; readonly problems: readonly Diagnostic[] };

/** Options of {@link installModuleFolder}. */
export interface InstallModuleOptions {
  readonly db: Kysely<Database>;
  /** The server's data folder (holds `modules/` and `tmp/`). */
  readonly dataDir: string;
  /** The module folder: `vtt-module.json` at its root, the bundle built. */
  readonly folder: string;
  readonly now?: number;
}

/** `path` inside `root`, or undefined when it would leave it. */
function inside(root: string, path: string): string | undefined {
  const full = resolve(root, path);
  const rel = relative(root, full);
  return rel === '' || rel.startsWith('..') || rel.startsWith(sep) ? undefined : full;
}

/** The raw manifest's id and version, when it has both as strings. */
async function idAndVersion(root: string): Promise<{ id: string; version: string } | undefined> {
  try {
    const raw = JSON.parse(await readFile(resolve(root, MANIFEST_FILE), 'utf8')) as unknown;
    const { id, version } = (raw ?? {}) as { id?: unknown; version?: unknown };
    return typeof id === 'string' && typeof version === 'string' ? { id, version } : undefined;
  } catch {
    return undefined; // checkModuleFiles reports it
  }
}

/**
 * Validates and installs the module in `folder`, unless that id and version
 * is installed already (`present`; nothing is read beyond the manifest).
 * An invalid module changes nothing and returns every problem found.
 * A newly installed version becomes the active one of its id when it is
 * the first or newer than the active one.
 *
 * @example
 * const outcome = await installModuleFolder({ db, dataDir, folder: 'examples/dnd5e' });
 * if (outcome.status === 'invalid') log(outcome.problems);
 */
export async function installModuleFolder(options: InstallModuleOptions): Promise<InstallOutcome> {
  const root = resolve(options.folder);
  const named = await idAndVersion(root);
  if (named !== undefined) {
    const row = await options.db
      .selectFrom('modules')
      .select('id')
      .where('id', '=', named.id)
      .where('version', '=', named.version)
      .executeTakeFirst();
    if (row !== undefined) return { status: 'present', ...named };
  }
  const checked = await checkModuleFiles(async (path) => {
    const full = inside(root, path);
    return full === undefined || !existsSync(full) ? undefined : readFile(full, 'utf8');
  }, root);
  if (checked.status === 'invalid') return checked;
  const { manifest, texts } = checked;
  const refusal = await installRefusal(options.db, manifest);
  if (refusal !== undefined) {
    const problem = createDiagnostic(refusal.code, '', refusal.params, MANIFEST_FILE);
    return { status: 'invalid', problems: [problem] };
  }
  await storeModuleVersion({
    db: options.db,
    dataDir: options.dataDir,
    manifest,
    files: new Map(Object.entries(texts)),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return { status: 'installed', manifest };
}
