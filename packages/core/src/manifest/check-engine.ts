import { VttError } from '../errors/vtt-error.js';
import { CORE_API_VERSION } from './core-api-version.js';
import { createDiagnostic, quoteValue, type DiagnosticReport } from './diagnostics.js';
import type { ModuleManifest } from './manifest-types.js';
import { parseSemver } from './semver.js';
import { isSemverRange, satisfiesRange } from './semver-range.js';

/**
 * Checks that a module's `engine` range accepts this core API version. Runs
 * when a module is installed or loaded. Returns one
 * `VTT_ERR_MODULE_ENGINE_MISMATCH` error at `/engine` naming both versions
 * when it does not (or `VTT_ERR_MODULE_RANGE_INVALID` when `engine` is not a
 * range); no errors when it does. Throws `VTT_ERR_MODULE_VERSION_INVALID`
 * when `coreVersion` itself is not semver (a bug of the caller).
 *
 * @example
 * checkEngine({ id: 'my-system', engine: '^0.1.0' }); // { errors: [], warnings: [] }
 * checkEngine({ id: 'my-system', engine: '^0.2.0' }).errors[0]?.code; // 'VTT_ERR_MODULE_ENGINE_MISMATCH'
 */
export function checkEngine(
  manifest: Pick<ModuleManifest, 'id' | 'engine'>,
  coreVersion: string = CORE_API_VERSION,
): DiagnosticReport {
  if (parseSemver(coreVersion) === undefined) {
    throw new VttError('VTT_ERR_MODULE_VERSION_INVALID', {
      pointer: 'coreVersion',
      value: quoteValue(coreVersion),
    });
  }
  const { id, engine } = manifest;
  if (!isSemverRange(engine)) {
    const error = createDiagnostic('VTT_ERR_MODULE_RANGE_INVALID', '/engine', {
      value: quoteValue(engine),
    });
    return { errors: [error], warnings: [] };
  }
  if (satisfiesRange(coreVersion, engine)) return { errors: [], warnings: [] };
  const error = createDiagnostic('VTT_ERR_MODULE_ENGINE_MISMATCH', '/engine', {
    moduleId: id,
    range: `'${engine}'`,
    coreVersion,
  });
  return { errors: [error], warnings: [] };
}
