import { describe, expect, it } from 'vitest';
import { exampleManifest } from './test-fixtures.js';
import { validateManifest } from './validate-manifest.js';

/** The example manifest with `combat.health` set to `health`. */
function withHealth(health: unknown) {
  return { ...exampleManifest(), combat: { health } };
}

const problems = (json: unknown) =>
  validateManifest(json).errors.map((e) => ({ code: e.code, pointer: e.pointer, fix: e.fix }));

describe('the manifest field combat.health', () => {
  it('accepts number paths of the actor types, for all types or those listed', () => {
    const ok = withHealth([
      { path: '/hp/value', kind: 'pool', label: 'Hit points' },
      { path: '/hp/max', kind: 'pool', actorTypes: ['character'] },
    ]);
    expect(validateManifest(ok).errors).toEqual([]);
    expect(validateManifest(ok).manifest?.combat?.health).toHaveLength(2);
  });

  it('names an unknown path, the actor type, and the closest path', () => {
    const [error, ...rest] = problems(withHealth([{ path: '/hp/valeu', kind: 'pool' }]));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({
      code: 'VTT_ERR_COMBAT_HEALTH_PATH_UNKNOWN',
      pointer: '/combat/health/0/path',
    });
    expect(error!.fix).toContain("'/hp/value'");
  });

  it('refuses a path that is not a number', () => {
    expect(problems(withHealth([{ path: '/hp', kind: 'pool' }]))).toMatchObject([
      { code: 'VTT_ERR_COMBAT_HEALTH_PATH_NOT_NUMBER', pointer: '/combat/health/0/path' },
    ]);
  });

  it('refuses an undeclared actor type with a did-you-mean, and an unknown kind', () => {
    const json = withHealth([{ path: '/hp/value', kind: 'wound', actorTypes: ['charactr'] }]);
    const found = problems(json);
    expect(found.map((e) => e.code).sort()).toEqual([
      'VTT_ERR_MODULE_FIELD_INVALID',
      'VTT_ERR_MODULE_UNKNOWN_REFERENCE',
    ]);
    expect(found.find((e) => e.code === 'VTT_ERR_MODULE_UNKNOWN_REFERENCE')?.pointer).toBe(
      '/combat/health/0/actorTypes/0',
    );
  });
});
