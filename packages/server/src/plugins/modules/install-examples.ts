/**
 * First start: installs each module folder of the examples folder that is
 * not installed yet, one log line per module installed or skipped.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST_FILE, type Diagnostic } from '@vtt/core';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../persistence/database-schema.js';
import { installModuleFolder } from './install-module.js';

/** One line for a problem: where, what, and the fix. */
export function describeProblem(problem: Diagnostic): string {
  const where = `${problem.file ?? MANIFEST_FILE}${problem.pointer}`;
  return `${where}: ${problem.message} ${problem.fix}`;
}

/**
 * Installs the module folders found in `examplesDir` (sub-folders holding a
 * `vtt-module.json`), in name order. A broken one is skipped with a warning
 * naming its folder and its problems; the others install.
 *
 * @returns the ids installed now.
 */
export async function installExamples(options: {
  readonly db: Kysely<Database>;
  readonly dataDir: string;
  readonly examplesDir: string;
  readonly log: FastifyBaseLogger;
}): Promise<string[]> {
  const { examplesDir, log } = options;
  if (!existsSync(examplesDir)) {
    log.warn({ examplesDir }, `no example systems to install: ${examplesDir} does not exist`);
    return [];
  }
  const entries = await readdir(examplesDir, { withFileTypes: true });
  const folders = entries
    .filter((e) => e.isDirectory() && existsSync(join(examplesDir, e.name, MANIFEST_FILE)))
    .map((e) => join(examplesDir, e.name))
    .sort();
  const installed: string[] = [];
  for (const folder of folders) {
    try {
      const outcome = await installModuleFolder({ ...options, folder });
      if (outcome.status === 'installed') {
        const { id, version, name } = outcome.manifest;
        installed.push(id);
        log.info({ module: id, version }, `installed module ${id}@${version} (${name})`);
      } else if (outcome.status === 'invalid') {
        const problems = outcome.problems.map(describeProblem);
        log.warn(
          { folder, problems },
          `module folder ${folder} was not installed: ${problems[0] ?? 'invalid'}` +
            (problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : ''),
        );
      }
    } catch (error) {
      log.error(
        { folder, err: error },
        `module folder ${folder} was not installed: ${String(error)}`,
      );
    }
  }
  return installed;
}
