/**
 * Installs one module folder into the data folder: validates it the way
 * `vtt validate` does (manifest, engine range, sheets, compendium packs),
 * checks its built bundle, copies it to `<dataDir>/modules/<id>/<version>/`
 * through a temp folder and a rename, then records it as the active version.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  createDiagnostic,
  MANIFEST_FILE,
  validateModuleData,
  type Diagnostic,
  type ModuleManifest,
} from '@vtt/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';

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

/** The folder of an installed version, relative to `<dataDir>/modules`. */
export function installedPath(id: string, version: string): string {
  return `${id}/${version}`;
}

/** `path` inside `root`, or undefined when it would leave it. */
function inside(root: string, path: string): string | undefined {
  const full = resolve(root, path);
  const rel = relative(root, full);
  return rel === '' || rel.startsWith('..') || rel.startsWith(sep) ? undefined : full;
}

/** The sheet and pack files a (raw) manifest names. */
function namedFiles(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null) return [];
  const { sheets, compendium } = manifest as { sheets?: unknown; compendium?: unknown };
  const paths: string[] = [];
  for (const list of [sheets, compendium]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const path = (item as { path?: unknown } | null)?.path;
      if (typeof path === 'string') paths.push(path);
    }
  }
  return paths;
}

function jsonProblem(file: string, error: unknown): Diagnostic {
  return createDiagnostic(
    'VTT_ERR_PROJECT_JSON_INVALID',
    '',
    { file, problem: (error as Error).message, line: 1, column: 1 },
    file,
  );
}

/** Writes `data` to `file` (creating its folder) and flushes it to disk. */
async function writeDurably(file: string, data: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Validates and installs the module in `folder`, unless that id and version
 * is installed already (`present`; nothing is read beyond the manifest).
 * An invalid module changes nothing and returns every problem found.
 * A newly installed version becomes the active one of its id.
 *
 * @example
 * const outcome = await installModuleFolder({ db, dataDir, folder: 'examples/dnd5e' });
 * if (outcome.status === 'invalid') log(outcome.problems);
 */
export async function installModuleFolder(options: InstallModuleOptions): Promise<InstallOutcome> {
  const root = resolve(options.folder);
  let manifestText: string;
  let raw: unknown;
  try {
    manifestText = await readFile(join(root, MANIFEST_FILE), 'utf8');
    raw = JSON.parse(manifestText) as unknown;
  } catch (error) {
    return { status: 'invalid', problems: [jsonProblem(MANIFEST_FILE, error)] };
  }
  const { id, version } = (raw ?? {}) as { id?: unknown; version?: unknown };
  if (typeof id === 'string' && typeof version === 'string') {
    const row = await options.db
      .selectFrom('modules')
      .select('id')
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (row !== undefined) return { status: 'present', id, version };
  }

  const texts: Record<string, string> = {};
  const files: Record<string, unknown> = {};
  const problems: Diagnostic[] = [];
  for (const path of namedFiles(raw)) {
    const full = inside(root, path);
    if (full === undefined || !existsSync(full)) continue; // validateModuleData reports it
    try {
      texts[path] = await readFile(full, 'utf8');
      files[path] = JSON.parse(texts[path]) as unknown;
    } catch (error) {
      problems.push(jsonProblem(path, error));
    }
  }
  const checked = validateModuleData({ manifest: raw, files });
  problems.push(...checked.errors);
  const manifest = checked.manifest;
  if (manifest === undefined || problems.length > 0) return { status: 'invalid', problems };

  if (manifest.entry === undefined) {
    return {
      status: 'invalid',
      problems: [
        createDiagnostic('VTT_ERR_MODULE_NO_BUNDLE', '/entry', { id: manifest.id }, MANIFEST_FILE),
      ],
    };
  }
  const entry = inside(root, manifest.entry);
  if (entry === undefined || !existsSync(entry)) {
    const params = { id: manifest.id, path: manifest.entry };
    return {
      status: 'invalid',
      problems: [createDiagnostic('VTT_ERR_MODULE_NOT_BUILT', '/entry', params, MANIFEST_FILE)],
    };
  }
  texts[manifest.entry] = await readFile(entry, 'utf8');
  texts[MANIFEST_FILE] = manifestText;

  const staging = join(options.dataDir, 'tmp', `module-${randomBytes(8).toString('hex')}`);
  const target = join(options.dataDir, 'modules', manifest.id, manifest.version);
  try {
    for (const [path, text] of Object.entries(texts)) await writeDurably(join(staging, path), text);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    // A folder without a row is what an interrupted install left: replace it.
    await rm(target, { recursive: true, force: true });
    await rename(staging, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }

  await options.db.transaction().execute(async (trx) => {
    await trx.updateTable('modules').set({ active: 0 }).where('id', '=', manifest.id).execute();
    await trx
      .insertInto('modules')
      .values({
        id: manifest.id,
        version: manifest.version,
        kind: manifest.kind,
        name: manifest.name,
        manifest: JSON.stringify(manifest),
        path: installedPath(manifest.id, manifest.version),
        installed_at: options.now ?? Date.now(),
        active: 1,
      })
      .onConflict((c) => c.columns(['id', 'version']).doUpdateSet({ active: 1 }))
      .execute();
  });
  return { status: 'installed', manifest };
}
