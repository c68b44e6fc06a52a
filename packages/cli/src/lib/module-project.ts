/**
 * Reads a module project from disk for `vtt build/validate/pack`: the
 * manifest, the JSON files it names, the source entry and the assets, with
 * every problem as a diagnostic (file, JSON pointer, fix), never a throw.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  createDiagnostic,
  MANIFEST_FILE,
  validateModuleData,
  type Diagnostic,
  type ErrorCode,
  type ErrorParams,
  type ModuleManifest,
} from '@vtt/core';
import { coded } from './cli-error.js';
import { expandGlob } from './glob.js';

/** Where the source entry is looked for, in order. */
export const ENTRY_CANDIDATES = [
  'src/module.ts',
  'src/module.js',
  'src/index.ts',
  'src/index.js',
] as const;

/** A module project as read from disk. `manifest` is set when the data is valid. */
export interface ModuleProject {
  readonly dir: string;
  readonly manifest?: ModuleManifest;
  /** The raw parsed manifest (even when invalid), if it parsed. */
  readonly rawManifest?: unknown;
  /** JSON files the manifest names, parsed, by module-relative path. */
  readonly files: Readonly<Record<string, unknown>>;
  /** Absolute path of the source entry, if one exists. */
  readonly entry?: string;
  /** Module-relative paths of the asset files the manifest's patterns match. */
  readonly assets: readonly string[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

/** Builds a diagnostic from the error table, in `file` (module-relative) when given. */
export function diagnostic(
  code: ErrorCode,
  file: string | undefined,
  pointer: string,
  params: ErrorParams = {},
): Diagnostic {
  return createDiagnostic(code, pointer, params, file);
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses a JSON file of the project; a syntax error becomes a diagnostic with line and column. */
export async function readJson(
  dir: string,
  file: string,
): Promise<{ value?: unknown; error?: Diagnostic }> {
  const text = await readFile(join(dir, file), 'utf8');
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const problem = (error as Error).message;
    const at = /position (\d+)/.exec(problem);
    const { line, column } = at ? lineColumn(text, Number(at[1])) : { line: 1, column: 1 };
    return {
      error: coded(
        'VTT_ERR_PROJECT_JSON_INVALID',
        { file, problem, line, column },
        { file, line, column },
      ),
    };
  }
}

/** The JSON files a manifest names (sheets and compendium packs). */
function namedFiles(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null) return [];
  const m = manifest as { sheets?: unknown; compendium?: unknown };
  const paths: string[] = [];
  for (const list of [m.sheets, m.compendium]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const path = (item as { path?: unknown } | null)?.path;
      if (typeof path === 'string') paths.push(path);
    }
  }
  return paths;
}

/**
 * Reads and validates the module project in `dir`: everything `vtt validate`
 * reports, all at once.
 *
 * @example
 * const project = await loadModuleProject('.');
 * if (project.errors.length > 0) print(project.errors);
 */
export async function loadModuleProject(
  dir: string,
  options: { entry?: string } = {},
): Promise<ModuleProject> {
  const root = resolve(dir);
  if (!existsSync(join(root, MANIFEST_FILE))) {
    return {
      dir: root,
      files: {},
      assets: [],
      errors: [diagnostic('VTT_ERR_PROJECT_NO_MANIFEST', undefined, '', { dir: root })],
      warnings: [],
    };
  }
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const parsed = await readJson(root, MANIFEST_FILE);
  if (parsed.error) return { dir: root, files: {}, assets: [], errors: [parsed.error], warnings };

  const files: Record<string, unknown> = {};
  for (const file of namedFiles(parsed.value)) {
    if (!existsSync(join(root, file))) continue; // validateModuleData reports missing files
    const json = await readJson(root, file);
    if (json.error) errors.push(json.error);
    else files[file] = json.value;
  }
  const data = validateModuleData({ manifest: parsed.value, files });
  errors.push(...data.errors);
  warnings.push(...data.warnings);

  const candidates = options.entry === undefined ? [...ENTRY_CANDIDATES] : [options.entry];
  const entryFile = candidates.find((candidate) => existsSync(join(root, candidate)));
  if (entryFile === undefined) {
    errors.push(
      diagnostic('VTT_ERR_PROJECT_ENTRY_MISSING', undefined, '', {
        candidates: candidates.join(', '),
      }),
    );
  }

  const assets: string[] = [];
  const patterns = (parsed.value as { assets?: unknown }).assets;
  if (Array.isArray(patterns)) {
    for (const [index, pattern] of patterns.entries()) {
      if (typeof pattern !== 'string') continue;
      const matched = await expandGlob(root, pattern);
      if (matched.length === 0)
        errors.push(
          diagnostic('VTT_ERR_PROJECT_ASSET_MISSING', MANIFEST_FILE, `/assets/${index}`, {
            pattern,
          }),
        );
      assets.push(...matched);
    }
  }
  return {
    dir: root,
    rawManifest: parsed.value,
    ...(errors.length === 0 && data.manifest ? { manifest: data.manifest } : {}),
    files,
    ...(entryFile === undefined ? {} : { entry: join(root, entryFile) }),
    assets: [...new Set(assets)].sort(),
    errors,
    warnings,
  };
}

/** One diagnostic for people: `error CODE at file:line:column pointer: message`, then its fix. */
export function formatDiagnostic(d: Diagnostic, kind: 'error' | 'warning'): string {
  const position =
    d.line === undefined ? '' : `:${d.line}${d.column === undefined ? '' : `:${d.column}`}`;
  const file = d.file === undefined ? '' : `${d.file}${position}`;
  const where = `${file}${d.pointer ? ` ${d.pointer}` : ''}`.trim();
  return `${kind} ${d.code}${where ? ` at ${where}` : ''}: ${d.message}\n    fix: ${d.fix}`;
}
