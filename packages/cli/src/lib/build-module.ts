/**
 * Builds a module project: bundles its source entry into the file its
 * manifest names as `entry` (default `dist/module.js`), with a source map.
 * Shared by `vtt build` and `vtt pack`.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '@vtt/core';
import { bundleModule } from '@vtt/sdk/bundle';
import { coded } from './cli-error.js';
import { diagnostic, ENTRY_CANDIDATES } from './module-project.js';

/** What a build produced. */
export interface BuiltModule {
  /** The bundle, or null when there are errors. */
  readonly code: string | null;
  readonly map: string | null;
  /** Module-relative path the bundle was (or would be) written to. */
  readonly outFile: string;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Files the bundle was built from (for --watch). */
  readonly inputs: readonly string[];
  readonly ms: number;
}

/** Reads `entry` out of a manifest that may be invalid; `dist/module.js` by default. */
export function outFileOf(rawManifest: unknown): string {
  const entry = (rawManifest as { entry?: unknown } | null)?.entry;
  return typeof entry === 'string' && entry.length > 0 ? entry : 'dist/module.js';
}

/**
 * Bundles the module in `dir` and, when `write` is set and there are no
 * errors, writes the bundle and its `.map` next to it.
 */
export async function buildModule(options: {
  readonly dir: string;
  readonly rawManifest: unknown;
  readonly entry?: string;
  readonly write: boolean;
  readonly minify?: boolean;
}): Promise<BuiltModule> {
  const started = performance.now();
  const outFile = outFileOf(options.rawManifest);
  const candidates = options.entry === undefined ? [...ENTRY_CANDIDATES] : [options.entry];
  const entryFile = candidates.find((candidate) => existsSync(join(options.dir, candidate)));
  if (entryFile === undefined) {
    const error = diagnostic('VTT_ERR_PROJECT_ENTRY_MISSING', undefined, '', {
      candidates: candidates.join(', '),
    });
    return {
      code: null,
      map: null,
      outFile,
      errors: [error],
      warnings: [],
      inputs: [],
      ms: performance.now() - started,
    };
  }
  const result = await bundleModule({
    entry: join(options.dir, entryFile),
    root: options.dir,
    minify: options.minify ?? false,
  });
  const toDiagnostic =
    (code: 'VTT_ERR_PROJECT_BUILD_FAILED' | 'VTT_ERR_PROJECT_BUILD_WARNING') =>
    (d: (typeof result.errors)[number]): Diagnostic => {
      // esbuild names files relative to the root it was given: the module folder.
      const file = d.file
        ? relative(options.dir, resolve(options.dir, d.file)).split(sep).join('/')
        : entryFile;
      const line = d.line ?? 1;
      const column = (d.column ?? 0) + 1;
      return coded(code, { file, line, column, problem: d.text }, { file, line, column });
    };
  const errors = result.errors.map(toDiagnostic('VTT_ERR_PROJECT_BUILD_FAILED'));
  // A warning does not fail the build, so it never says the build failed.
  const warnings = result.warnings.map(toDiagnostic('VTT_ERR_PROJECT_BUILD_WARNING'));
  if (options.write && (result.code === null || errors.length > 0)) {
    // A failed build removes the old bundle, so nothing stale is tested or packed.
    await rm(join(options.dir, outFile), { force: true });
    await rm(join(options.dir, `${outFile}.map`), { force: true });
  }
  if (options.write && result.code !== null && errors.length === 0) {
    const target = join(options.dir, outFile);
    await mkdir(dirname(target), { recursive: true });
    const mapName = `${target.split('/').pop()}.map`;
    await writeFile(
      target,
      result.map ? `${result.code}//# sourceMappingURL=${mapName}\n` : result.code,
    );
    if (result.map) await writeFile(`${target}.map`, result.map);
  }
  return {
    code: errors.length === 0 ? result.code : null,
    map: result.map,
    outFile,
    errors,
    warnings,
    inputs: result.inputs,
    ms: performance.now() - started,
  };
}
