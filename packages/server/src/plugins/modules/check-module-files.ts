/**
 * The one check of a module's files before it is installed, whatever they
 * come from (an example folder, an uploaded archive, `vtt install`): the
 * manifest, engine range, sheets and compendium packs as `vtt validate`
 * checks them (core's `validateModuleData`), and the built entry bundle.
 */
import {
  createDiagnostic,
  MANIFEST_FILE,
  validateModuleData,
  type Diagnostic,
  type ModuleManifest,
} from '@vtt/core';

/** Reads one module-relative file as text; undefined when there is none (or it leaves the module). */
export type ModuleFileReader = (path: string) => Promise<string | undefined>;

/** What {@link checkModuleFiles} found. */
export type ModuleFilesCheck =
  | {
      readonly status: 'valid';
      readonly manifest: ModuleManifest;
      /** The manifest, the entry bundle and the JSON files it names, as read. */
      readonly texts: Readonly<Record<string, string>>;
    }
  | { readonly status: 'invalid'; readonly problems: readonly Diagnostic[] };

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

/**
 * Reads the manifest through `read`, then the files it names, and checks
 * them all; returns every problem at once, or the validated manifest.
 * `where` names the module's source in messages (a folder, an archive).
 * Writes nothing.
 *
 * @example
 * const checked = await checkModuleFiles(async (path) => texts.get(path), 'my-system.vttmod');
 * if (checked.status === 'invalid') report(checked.problems);
 */
export async function checkModuleFiles(
  read: ModuleFileReader,
  where: string,
): Promise<ModuleFilesCheck> {
  const manifestText = await read(MANIFEST_FILE);
  if (manifestText === undefined) {
    const problem = createDiagnostic('VTT_ERR_PROJECT_NO_MANIFEST', '', { dir: where });
    return { status: 'invalid', problems: [problem] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(manifestText) as unknown;
  } catch (error) {
    return { status: 'invalid', problems: [jsonProblem(MANIFEST_FILE, error)] };
  }
  const texts: Record<string, string> = { [MANIFEST_FILE]: manifestText };
  const files: Record<string, unknown> = {};
  const problems: Diagnostic[] = [];
  for (const path of namedFiles(raw)) {
    const text = await read(path);
    if (text === undefined) continue; // validateModuleData reports it missing
    texts[path] = text;
    try {
      files[path] = JSON.parse(text) as unknown;
    } catch (error) {
      problems.push(jsonProblem(path, error));
    }
  }
  const checked = validateModuleData({ manifest: raw, files });
  problems.push(...checked.errors);
  const manifest = checked.manifest;
  if (manifest === undefined || problems.length > 0) return { status: 'invalid', problems };

  if (manifest.entry === undefined) {
    const params = { id: manifest.id };
    const problem = createDiagnostic('VTT_ERR_MODULE_NO_BUNDLE', '/entry', params, MANIFEST_FILE);
    return { status: 'invalid', problems: [problem] };
  }
  const entry = await read(manifest.entry);
  if (entry === undefined) {
    const params = { id: manifest.id, path: manifest.entry };
    const problem = createDiagnostic('VTT_ERR_MODULE_NOT_BUILT', '/entry', params, MANIFEST_FILE);
    return { status: 'invalid', problems: [problem] };
  }
  texts[manifest.entry] = entry;
  return { status: 'valid', manifest, texts };
}
