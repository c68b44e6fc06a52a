import type { CliIo } from '../lib/io.js';
import { loadModuleProject } from '../lib/module-project.js';
import { diagnosticJson, reportDiagnostics } from '../lib/report.js';

/** Options of `vtt validate`. */
export interface ValidateOptions {
  readonly json: boolean;
  readonly entry?: string;
}

/** Validates the module in `dir` and prints every problem; exit 1 when there are errors. */
export async function runValidate(dir: string, options: ValidateOptions, io: CliIo): Promise<void> {
  const project = await loadModuleProject(
    dir,
    options.entry === undefined ? {} : { entry: options.entry },
  );
  // Errors throw; with --json the CLI prints them as { ok: false, errors, warnings }.
  reportDiagnostics(io, project, 'Validation');
  if (options.json) {
    const warnings = project.warnings.map(diagnosticJson);
    io.stdout(`${JSON.stringify({ ok: true, errors: [], warnings }, null, 2)}\n`);
    return;
  }
  const m = project.manifest!;
  const types = Object.keys(m.actorTypes ?? {}).length + Object.keys(m.itemTypes ?? {}).length;
  io.stdout(
    `${m.id}@${m.version} is valid: ${types} document type(s), ${(m.sheets ?? []).length} sheet(s), ` +
      `${(m.compendium ?? []).length} compendium pack(s), ${project.assets.length} asset file(s)` +
      `${project.warnings.length > 0 ? `, ${project.warnings.length} warning(s)` : ''}.\n`,
  );
}
