import { describe, expect, it } from 'vitest';
import { isVttError } from '../errors/vtt-error.js';
import { checkEngine } from './check-engine.js';
import { CORE_API_VERSION } from './core-api-version.js';

describe('checkEngine', () => {
  it.each(['^0.1.0', '~0.1.0', '>=0.1.0 <1', '0.x', '*', `${CORE_API_VERSION}`])(
    'accepts the current core API version with %s',
    (engine) => {
      expect(checkEngine({ id: 'my-system', engine }).errors).toEqual([]);
    },
  );

  it.each([
    ['^0.2.0', '0.1.0'],
    ['^1.0.0', '0.9.0'],
    ['^0.1.0', '0.2.0'],
    ['>=2', '1.5.3'],
  ])('refuses %s on core %s, naming both versions', (engine, coreVersion) => {
    const { errors } = checkEngine({ id: 'my-system', engine }, coreVersion);
    expect(errors.map((e) => [e.code, e.pointer])).toEqual([
      ['VTT_ERR_MODULE_ENGINE_MISMATCH', '/engine'],
    ]);
    expect(errors[0]?.message).toContain(engine);
    expect(errors[0]?.message).toContain(coreVersion);
  });

  it('reports an engine that is not a range', () => {
    const { errors } = checkEngine({ id: 'my-system', engine: 'newest' });
    expect(errors.map((e) => e.code)).toEqual(['VTT_ERR_MODULE_RANGE_INVALID']);
  });

  it('throws for an invalid core version (a caller bug)', () => {
    let thrown: unknown;
    try {
      checkEngine({ id: 'my-system', engine: '*' }, '1.0');
    } catch (error) {
      thrown = error;
    }
    expect(isVttError(thrown) && thrown.code).toBe('VTT_ERR_MODULE_VERSION_INVALID');
  });
});
