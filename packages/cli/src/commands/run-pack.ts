import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { isVttError, MANIFEST_FILE } from '@vtt/core';
import { createSandboxHost } from '@vtt/sandbox';
import { inspectArchive, writeArchive, type ArchiveFile } from '@vtt/sdk/archive';
import { buildModule } from '../lib/build-module.js';
import { fromVttError } from '../lib/cli-error.js';
import { CliError, type CliIo } from '../lib/io.js';
import { diagnostic, loadModuleProject } from '../lib/module-project.js';
import { progress, reportDiagnostics } from '../lib/report.js';

/** Options of `vtt pack`. */
export interface PackOptions {
  readonly out?: string;
  readonly entry?: string;
  readonly json: boolean;
}

/** What `vtt pack` wrote. */
export interface PackResult {
  readonly file: string;
  readonly bytes: number;
  readonly digest: string;
  readonly files: readonly string[];
}

/** Loads the bundle in a real sandbox and reads what it registers. */
async function describeBundle(source: string): Promise<{ id: string; rolls: string[] }> {
  const host = await createSandboxHost({ workers: 1 });
  try {
    const instance = await host.createInstance({ key: 'pack:check', source });
    const { value } = await instance.call('vttDescribe', null);
    const description = value as { id?: unknown; rolls?: Record<string, unknown> } | null;
    return { id: String(description?.id), rolls: Object.keys(description?.rolls ?? {}) };
  } finally {
    await host.close();
  }
}

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

/** Validates, builds and packs the module in `dirArg` into one reproducible archive. */
export async function runPack(
  dirArg: string,
  options: PackOptions,
  io: CliIo,
): Promise<PackResult> {
  const dir = resolve(dirArg);
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
  let described: { id: string; rolls: string[] };
  try {
    described = await describeBundle(built.code!);
  } catch (error) {
    if (!isVttError(error)) throw error;
    // The sandbox's own code (a syntax error, a limit) at the bundle it refused.
    throw new CliError([fromVttError(error, { file: built.outFile })], {
      summary: 'The bundle does not load in the sandbox.',
    });
  }
  const found = described.id;
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
  if (found !== manifest.id) {
    reportDiagnostics(
      io,
      {
        errors: [
          diagnostic('VTT_ERR_PROJECT_ID_MISMATCH', 'src/module.ts', '', {
            found,
            expected: manifest.id,
          }),
        ],
        warnings: [],
      },
      'Packing',
    );
  }

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
  let archive: Uint8Array;
  try {
    archive = writeArchive({ files });
  } catch (error) {
    if (isVttError(error)) throw new CliError([fromVttError(error)]);
    throw error;
  }
  const out = resolve(dir, options.out ?? `${manifest.id}-${manifest.version}.vttmod`);
  await writeFile(out, archive);
  // Read the archive back through the hardened reader: what we publish verifies, and gives the digest.
  const digest = inspectArchive(archive).digest;
  const result: PackResult = {
    file: out,
    bytes: archive.length,
    digest,
    files: files.map((f) => f.path),
  };
  if (options.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else
    io.stdout(
      `packed ${relative(process.cwd(), out) || out} (${(archive.length / 1024).toFixed(1)} KiB, ${files.length} files)\nsha256 ${digest}\n`,
    );
  return result;
}
