/**
 * The part of `vtt validate` that runs code: builds the module in memory,
 * reads what the bundle registers in a real sandbox (as a table would), and
 * checks its id against the manifest's, and its hooks against core's names
 * and against the capabilities the manifest declares.
 */
import { relative } from 'node:path';
import {
  compareHooks,
  createDiagnostic,
  isVttError,
  MANIFEST_FILE,
  unknownHook,
  validateManifest,
  type Diagnostic,
  type ModuleDescription,
} from '@vtt/core';
import { createSandboxHost, describeModule, type SandboxHost } from '@vtt/sandbox';
import { buildModule, type BuiltModule } from './build-module.js';
import type { ModuleProject } from './module-project.js';

/** What the registration check found; `description` when the bundle loaded. */
export interface RegistrationCheck {
  readonly errors: Diagnostic[];
  readonly warnings: Diagnostic[];
  readonly description?: ModuleDescription;
}

/** Numbers the sandbox instances of a reused host apart. */
let describes = 0;

const idMismatch = (found: string, expected: string, file: string): Diagnostic =>
  createDiagnostic('VTT_ERR_PROJECT_ID_MISMATCH', '', { found, expected }, file);

/** What {@link checkRegistrations} may reuse instead of making its own. */
export interface RegistrationCheckOptions {
  /** A sandbox host kept warm across checks (`vtt dev`); the check makes and closes one if left out. */
  readonly host?: SandboxHost;
  /** The bundle already built from the project's entry (`vtt pack` just built it). */
  readonly built?: BuiltModule;
}

/**
 * Builds the project's entry (unless `options.built`), describes the bundle and compares its hooks
 * with the manifest's `capabilities`. Skipped (nothing reported) when the
 * project has no entry or its manifest is invalid: those are reported
 * already. Returns diagnostics, never throws a VttError.
 *
 * @example
 * const { errors, warnings } = await checkRegistrations(project);
 */
export async function checkRegistrations(
  project: ModuleProject,
  options: RegistrationCheckOptions = {},
): Promise<RegistrationCheck> {
  const manifest = validateManifest(project.rawManifest).manifest;
  if (project.entry === undefined || manifest === undefined) return { errors: [], warnings: [] };
  const entryFile = relative(project.dir, project.entry);
  const built =
    options.built ??
    (await buildModule({
      dir: project.dir,
      rawManifest: project.rawManifest,
      entry: entryFile,
      write: false,
    }));
  if (built.code === null) return { errors: [...built.errors], warnings: [...built.warnings] };
  const host = options.host ?? (await createSandboxHost({ workers: 1 }));
  let description: ModuleDescription;
  try {
    description = await describeModule({
      host,
      source: built.code,
      key: `validate:describe:${++describes}`,
    });
  } catch (error) {
    if (!isVttError(error)) throw error;
    // A reply that names another module (its actions then look foreign) has one cause: the id.
    const found = error.params['moduleId'];
    if (typeof found === 'string' && found !== manifest.id) {
      return { errors: [idMismatch(found, manifest.id, entryFile)], warnings: [] };
    }
    const pointer = typeof error.params['pointer'] === 'string' ? error.params['pointer'] : '';
    return {
      errors: [createDiagnostic(error.code, pointer, error.params, entryFile)],
      warnings: [],
    };
  } finally {
    if (options.host === undefined) await host.close();
  }
  if (description.id !== manifest.id) {
    return { errors: [idMismatch(description.id, manifest.id, entryFile)], warnings: [] };
  }
  const errors: Diagnostic[] = [];
  for (const phase of ['before', 'after'] as const) {
    for (const name of description.hooks[phase]) {
      const unknown = unknownHook(phase, name);
      if (unknown === undefined) continue;
      const suggestion =
        unknown.suggestion === undefined ? '' : ` (did you mean "${unknown.suggestion}"?)`;
      errors.push(
        createDiagnostic(
          'VTT_ERR_MODULE_HOOK_UNKNOWN',
          `/hooks/${phase}`,
          { moduleId: description.id, phase, name, kind: unknown.kind, suggestion },
          entryFile,
        ),
      );
    }
  }
  const compared = compareHooks(manifest.capabilities, description.hooks);
  const inManifest = (d: Diagnostic): Diagnostic => ({ ...d, file: MANIFEST_FILE });
  return {
    errors: [...errors, ...compared.errors.map(inManifest)],
    warnings: [...built.warnings, ...compared.warnings.map(inManifest)],
    description,
  };
}
