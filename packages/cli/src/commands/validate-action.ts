import { describeCapabilities } from '@vtt/core';
import { checkRegistrations } from '../lib/check-registrations.js';
import { CliError, type CliIo } from '../lib/io.js';
import { loadModuleProject } from '../lib/module-project.js';
import { reportDiagnostics } from '../lib/report.js';
import type { ValidateOptions } from './validate.js';

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
  const ok = project.errors.length === 0;
  const capabilities = ok ? describeCapabilities(project.manifest!.capabilities) : [];
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ ok, errors: project.errors, warnings: project.warnings, ...(ok ? { capabilities } : {}) }, null, 2)}\n`,
    );
    if (!ok) throw new CliError(`Validation failed with ${project.errors.length} error(s).`);
    return;
  }
  reportDiagnostics(io, project, 'Validation');
  const m = project.manifest!;
  const types = Object.keys(m.actorTypes ?? {}).length + Object.keys(m.itemTypes ?? {}).length;
  io.stdout(
    `${m.id}@${m.version} is valid: ${types} document type(s), ${(m.sheets ?? []).length} sheet(s), ` +
      `${(m.compendium ?? []).length} compendium pack(s), ${project.assets.length} asset file(s)` +
      `${project.warnings.length > 0 ? `, ${project.warnings.length} warning(s)` : ''}.\n`,
  );
  io.stdout(`GMs see before enabling it:\n${capabilities.map((l) => `  - ${l.text}\n`).join('')}`);
}
