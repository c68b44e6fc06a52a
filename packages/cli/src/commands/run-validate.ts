import { describeCapabilities } from '@vtt/core';
import { checkRegistrations } from '../lib/check-registrations.js';
import type { CliIo } from '../lib/io.js';
import { loadModuleProject } from '../lib/module-project.js';
import { diagnosticJson, reportDiagnostics } from '../lib/report.js';

/** Options of `vtt validate`. */
export interface ValidateOptions {
  readonly json: boolean;
  readonly entry?: string;
}

/**
 * Validates the module in `dir` and prints every problem; exit 1 when there
 * are errors. Besides the files, it builds the module in memory and checks
 * what the code registers against the manifest's `capabilities`.
 */
export async function runValidate(dir: string, options: ValidateOptions, io: CliIo): Promise<void> {
  const loaded = await loadModuleProject(
    dir,
    options.entry === undefined ? {} : { entry: options.entry },
  );
  const code = await checkRegistrations(loaded);
  const project = {
    ...loaded,
    errors: [...loaded.errors, ...code.errors],
    warnings: [...loaded.warnings, ...code.warnings],
  };
  // Errors throw; with --json the CLI prints them as { ok: false, errors, warnings }.
  reportDiagnostics(io, project, 'Validation');
  const capabilities = describeCapabilities(project.manifest!.capabilities);
  if (options.json) {
    const warnings = project.warnings.map(diagnosticJson);
    io.stdout(`${JSON.stringify({ ok: true, errors: [], warnings, capabilities }, null, 2)}\n`);
    return;
  }
  const m = project.manifest!;
  const types = Object.keys(m.actorTypes ?? {}).length + Object.keys(m.itemTypes ?? {}).length;
  io.stdout(
    `${m.id}@${m.version} is valid: ${types} document type(s), ${(m.sheets ?? []).length} sheet(s), ` +
      `${(m.compendium ?? []).length} compendium pack(s), ${project.assets.length} asset file(s)` +
      `${project.warnings.length > 0 ? `, ${project.warnings.length} warning(s)` : ''}.\n`,
  );
  io.stdout(`GMs see before enabling it:\n${capabilities.map((l) => `  - ${l.text}\n`).join('')}`);
}
