import { existsSync, watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { MANIFEST_FILE } from '@vtt/core';
import { buildModule } from '../lib/build-module.js';
import { writeEditorTypes } from '../lib/editor-types.js';
import { cliError } from '../lib/cli-error.js';
import type { CliIo } from '../lib/io.js';
import { formatDiagnostic, readJson } from '../lib/module-project.js';
import { diagnosticJson, progress, reportDiagnostics, result } from '../lib/report.js';

/** Options of `vtt build`. */
export interface BuildOptions {
  readonly watch: boolean;
  readonly minify: boolean;
  readonly entry?: string;
  readonly json: boolean;
  /** Stops --watch (tests and embedders); the CLI stops on Ctrl-C. */
  readonly signal?: AbortSignal;
}

async function buildOnce(dir: string, options: BuildOptions, io: CliIo) {
  const manifest = existsSync(join(dir, MANIFEST_FILE))
    ? await readJson(dir, MANIFEST_FILE)
    : { value: undefined };
  return buildModule({
    dir,
    rawManifest: manifest.value,
    ...(options.entry === undefined ? {} : { entry: options.entry }),
    write: true,
    minify: options.minify,
  }).then((built) => {
    if (!options.json && built.code !== null) {
      result(
        io,
        `built ${built.outFile} (${(built.code.length / 1024).toFixed(1)} KiB) in ${Math.round(built.ms)} ms`,
      );
    }
    return built;
  });
}

/**
 * Builds the module in `dirArg`; with --watch rebuilds on every change of a
 * file under the folder (outside dist/) until `options.signal` aborts.
 */
export async function runBuild(dirArg: string, options: BuildOptions, io: CliIo): Promise<void> {
  const dir = resolve(dirArg);
  if (!existsSync(dir)) throw cliError('VTT_ERR_PROJECT_DIR_MISSING', { dir });
  const first = await buildOnce(dir, options, io);
  // Editors resolve @vtt/sdk to these declarations (see the module's tsconfig.json).
  await writeEditorTypes(dir);
  const summary = {
    outFile: first.outFile,
    bytes: first.code?.length ?? 0,
    ms: Math.round(first.ms),
  };
  // Without --watch a failed build throws (and --json prints it as { ok: false, errors }).
  if (!options.watch) reportDiagnostics(io, first, 'The build', summary);
  if (options.json) {
    const report = {
      ok: first.code !== null,
      ...summary,
      errors: first.errors.map(diagnosticJson),
      warnings: first.warnings.map(diagnosticJson),
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  }
  if (!options.watch) return;
  for (const d of first.errors) io.stderr(`${formatDiagnostic(d, 'error')}\n`);
  progress(io, 'watching for changes (Ctrl-C to stop)');
  await new Promise<void>((done) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let building = Promise.resolve();
    const watcher = watch(dir, { recursive: true }, (_event, file) => {
      const name = String(file ?? '');
      if (
        name.startsWith('dist') ||
        name.startsWith('.') ||
        name.endsWith('.vttmod') ||
        name.includes('node_modules')
      )
        return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        building = building.then(async () => {
          const built = await buildOnce(dir, options, io);
          for (const d of built.errors) io.stderr(`${formatDiagnostic(d, 'error')}\n`);
        });
      }, 30);
    });
    const stop = () => {
      clearTimeout(timer);
      watcher.close();
      void building.then(done);
    };
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
  });
}
