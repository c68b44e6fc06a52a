/**
 * Packing a module project in memory: validate, build (writing the bundle
 * into the project), check what the bundle registers in the sandbox, and
 * write one reproducible `.vttmod`. Shared by `vtt pack` (which writes the
 * file) and `vtt dev` (which sends it to a server).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isVttError, MANIFEST_FILE, type ModuleManifest } from '@vtt/core';
import type { SandboxHost } from '@vtt/sandbox';
import { writeArchive, type ArchiveFile } from '@vtt/sdk/archive';
import { buildModule } from './build-module.js';
import { checkRegistrations } from './check-registrations.js';
import { fromVttError } from './cli-error.js';
import { CliError, type CliIo } from './io.js';
import { diagnostic, loadModuleProject } from './module-project.js';
import { progress, reportDiagnostics } from './report.js';

/** Every roll button of a sheet layout, with its JSON pointer. */
function rollButtons(nodes: unknown, at: string): { pointer: string; roll: string }[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node: unknown, i) => {
    const n = (node ?? {}) as {
      kind?: unknown;
      roll?: unknown;
      children?: unknown;
      tabs?: unknown;
    };
    const here = `${at}/${i}`;
    const own =
      n.kind === 'roll' && typeof n.roll === 'string'
        ? [{ pointer: `${here}/roll`, roll: n.roll }]
        : [];
    const tabs = Array.isArray(n.tabs)
      ? n.tabs.flatMap((tab: unknown, t) =>
          rollButtons(
            (tab as { children?: unknown } | null)?.children,
            `${here}/tabs/${t}/children`,
          ),
        )
      : [];
    return [...own, ...rollButtons(n.children, `${here}/children`), ...tabs];
  });
}

/** A module packed in memory by {@link packModule}. */
export interface PackedModule {
  readonly manifest: ModuleManifest;
  /** The `.vttmod` bytes. */
  readonly archive: Uint8Array;
  /** The packed paths, sorted. */
  readonly files: readonly string[];
}

/**
 * Validates, builds (writing the bundle into the module folder) and packs
 * the module in `dir` in memory: what `vtt pack` writes and `vtt dev`
 * sends. Progress goes to stderr.
 *
 * @throws CliError with every problem found, when the module does not validate, build or check.
 */
export async function packModule(
  dir: string,
  options: { readonly entry?: string; readonly host?: SandboxHost },
  io: CliIo,
): Promise<PackedModule> {
  progress(io, 'validating...');
  const project = await loadModuleProject(
    dir,
    options.entry === undefined ? {} : { entry: options.entry },
  );
  reportDiagnostics(io, project, 'Validation');
  const manifest = project.manifest!;

  progress(io, 'building...');
  const built = await buildModule({
    dir,
    rawManifest: project.rawManifest,
    ...(options.entry === undefined ? {} : { entry: options.entry }),
    write: true,
  });
  reportDiagnostics(io, built, 'The build');

  progress(io, 'checking the bundle in the sandbox...');
  // As `vtt validate`: what the code registers, against core's names and the declared capabilities.
  const checked = await checkRegistrations(project, {
    built,
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  reportDiagnostics(io, checked, 'Packing');
  const described = {
    id: checked.description!.id,
    rolls: Object.keys(checked.description!.rolls),
  };
  const unknownRolls = (manifest.sheets ?? []).flatMap((sheet) =>
    rollButtons((project.files[sheet.path] as { layout?: unknown } | undefined)?.layout, '/layout')
      .filter((button) => !described.rolls.includes(button.roll))
      .map((button) =>
        diagnostic('VTT_ERR_PROJECT_UNKNOWN_ROLL', sheet.path, button.pointer, {
          roll: button.roll,
          known: described.rolls.join(', ') || 'none',
        }),
      ),
  );
  reportDiagnostics(io, { errors: unknownRolls, warnings: [] }, 'Packing');
  progress(io, 'packing...');
  const paths = new Set<string>([
    MANIFEST_FILE,
    built.outFile,
    ...Object.keys(project.files),
    ...project.assets,
  ]);
  if (built.map !== null) paths.add(`${built.outFile}.map`);
  const files: ArchiveFile[] = [];
  for (const path of [...paths].sort())
    files.push({ path, data: new Uint8Array(await readFile(join(dir, path))) });
  try {
    return { manifest, archive: writeArchive({ files }), files: files.map((f) => f.path) };
  } catch (error) {
    if (isVttError(error)) throw new CliError([fromVttError(error)]);
    throw error;
  }
}
