/**
 * Declared capabilities (`capabilities` in vtt-module.json): the names they
 * may hold, and how they compare with what a bundle registers.
 */
import { CORE_ACTION_TYPES, unknownHook, type HookPhase } from '../module-protocol/hook-names.js';
import { closestMatch } from './closest-match.js';
import { createDiagnostic, isJsonObject, pointerOf, type Diagnostic } from './diagnostics.js';
import type { ModuleCapabilities } from './manifest-types.js';

/** Core actions no module may propose, whatever it declares. */
export const UNPROPOSABLE_ACTIONS: readonly string[] = ['core:undo'];

/** A manifest's capabilities as sets; omitted lists are empty. */
export interface DeclaredCapabilities {
  readonly propose: ReadonlySet<string>;
  readonly before: ReadonlySet<string>;
  readonly after: ReadonlySet<string>;
}

/**
 * The capabilities of a validated manifest as sets (all empty when it
 * declares none).
 *
 * @example
 * declaredCapabilities(manifest.capabilities).propose.has('core:update-actor');
 */
export function declaredCapabilities(
  capabilities: ModuleCapabilities | undefined,
): DeclaredCapabilities {
  return {
    propose: new Set(capabilities?.propose ?? []),
    before: new Set(capabilities?.hooks?.before ?? []),
    after: new Set(capabilities?.hooks?.after ?? []),
  };
}

/** The `core:` names of a list with their index (the schema reports anything else). */
const strings = (value: unknown): [string, number][] =>
  Array.isArray(value)
    ? value.flatMap((v, i): [string, number][] =>
        typeof v === 'string' && /^core:[a-z][a-z-]*$/.test(v) ? [[v, i]] : [],
      )
    : [];

const suggest = (name: string | undefined) => (name === undefined ? '' : ` such as '${name}'`);

/**
 * Checks the names in a raw manifest's `capabilities` (the schema checks
 * the shape): proposals must be core action types other than `core:undo`,
 * before-hooks core action types, after-hooks core event types. Each error
 * names its pointer and the closest real name. Returns errors.
 */
export function checkCapabilities(manifest: Record<string, unknown>): Diagnostic[] {
  const caps = manifest['capabilities'];
  if (!isJsonObject(caps)) return [];
  const errors: Diagnostic[] = [];
  for (const [name, i] of strings(caps['propose'])) {
    const refused = UNPROPOSABLE_ACTIONS.includes(name);
    if (!refused && (CORE_ACTION_TYPES as readonly string[]).includes(name)) continue;
    errors.push(
      createDiagnostic(
        'VTT_ERR_MODULE_CAPABILITY_UNKNOWN',
        pointerOf('capabilities', 'propose', i),
        {
          name,
          kind: 'action',
          why: refused ? ' a module may propose' : '',
          suggestion: suggest(refused ? undefined : closestMatch(name, CORE_ACTION_TYPES)),
        },
      ),
    );
  }
  const hooks = caps['hooks'];
  for (const phase of ['before', 'after'] as const) {
    const list = isJsonObject(hooks) ? hooks[phase] : undefined;
    for (const [name, i] of strings(list)) {
      const unknown = unknownHook(phase, name);
      if (unknown === undefined) continue;
      errors.push(
        createDiagnostic(
          'VTT_ERR_MODULE_CAPABILITY_UNKNOWN',
          pointerOf('capabilities', 'hooks', phase, i),
          { name, kind: unknown.kind, why: '', suggestion: suggest(unknown.suggestion) },
        ),
      );
    }
  }
  return errors;
}

/**
 * Compares the hooks a bundle registers (its `vttDescribe` reply) with the
 * hooks its manifest declares: a registered hook that is not declared is an
 * error (the host would refuse the module at load); a declared hook the code
 * does not register is a warning (GMs are shown a capability it never uses).
 *
 * @example
 * const { errors, warnings } = compareHooks(manifest.capabilities, description.hooks);
 */
export function compareHooks(
  capabilities: ModuleCapabilities | undefined,
  registered: { readonly before: readonly string[]; readonly after: readonly string[] },
): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const declared = declaredCapabilities(capabilities);
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  for (const phase of ['before', 'after'] as HookPhase[]) {
    const pointer = pointerOf('capabilities', 'hooks', phase);
    const code = new Set(registered[phase]);
    for (const name of code) {
      if (declared[phase].has(name)) continue;
      errors.push(
        createDiagnostic('VTT_ERR_MODULE_CAPABILITY_MISMATCH', pointer, {
          problem: `registers a ${phase}-hook on`,
          name,
          fix: `Add "${name}" to ${pointer} in vtt-module.json, or remove the hook from the code.`,
        }),
      );
    }
    for (const name of declared[phase]) {
      if (code.has(name)) continue;
      warnings.push(
        createDiagnostic('VTT_ERR_MODULE_CAPABILITY_MISMATCH', pointer, {
          problem: `registers no ${phase}-hook on the declared`,
          name,
          fix: `Remove "${name}" from ${pointer}: GMs would be shown a capability the module never uses.`,
        }),
      );
    }
  }
  return { errors, warnings };
}
