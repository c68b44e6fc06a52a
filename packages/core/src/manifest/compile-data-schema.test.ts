import { describe, expect, it } from 'vitest';
import { compileDataSchema } from './compile-data-schema.js';
import { DATA_SCHEMA_LIMITS } from './data-schema-limits.js';
import { characterSchema } from './test-fixtures.js';

const codes = (list: ReadonlyArray<{ code: string; pointer: string }>) =>
  list.map(({ code, pointer }) => ({ code, pointer }));

function nested(depth: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < depth; i++) schema = { type: 'object', properties: { a: schema } };
  return schema;
}

describe('compileDataSchema: valid schemas', () => {
  it('compiles and validates data, reporting every problem with a pointer', () => {
    const { validate, errors } = compileDataSchema(characterSchema());
    expect(errors).toEqual([]);
    expect(validate?.({ abilities: { str: { score: 10 } }, hp: { value: 5, max: 8 } })).toEqual([]);
    const problems = validate?.({
      abilities: { str: { score: 99 }, dexx: {} },
      hp: { value: 'x' },
    });
    expect(codes(problems ?? [])).toEqual(
      expect.arrayContaining([
        { code: 'VTT_ERR_MODULE_FIELD_INVALID', pointer: '/abilities/str/score' },
        { code: 'VTT_ERR_MODULE_FIELD_UNKNOWN', pointer: '/abilities/dexx' },
        { code: 'VTT_ERR_MODULE_FIELD_TYPE', pointer: '/hp/value' },
        { code: 'VTT_ERR_MODULE_FIELD_MISSING', pointer: '/hp/max' },
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('suggests the closest property for an unknown one', () => {
    const { validate } = compileDataSchema(characterSchema());
    const [problem] = validate?.({ abilities: {}, hp: { value: 1, max: 1 }, biograhpy: '' }) ?? [];
    expect(problem?.code).toBe('VTT_ERR_MODULE_FIELD_UNKNOWN');
    expect(problem?.fix).toContain('/biography');
  });

  it('prefixes data pointers with the given place', () => {
    const { validate } = compileDataSchema(characterSchema());
    const problems = validate?.({ abilities: {}, hp: { value: 1 } }, '/3/data') ?? [];
    expect(codes(problems)).toEqual([
      { code: 'VTT_ERR_MODULE_FIELD_MISSING', pointer: '/3/data/hp/max' },
    ]);
  });

  it('allows local $ref and the draft-07 $schema', () => {
    const { errors, validate } = compileDataSchema({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: { score: { type: 'integer' } },
      properties: { str: { $ref: '#/definitions/score' } },
    });
    expect(errors).toEqual([]);
    expect(codes(validate?.({ str: 'x' }) ?? [])).toEqual([
      { code: 'VTT_ERR_MODULE_FIELD_TYPE', pointer: '/str' },
    ]);
  });
});

describe('compileDataSchema: hostile schemas', () => {
  it('refuses $data', () => {
    const { errors, validate } = compileDataSchema({
      type: 'object',
      properties: { a: { type: 'number', maximum: { $data: '1/b' } }, b: { type: 'number' } },
    });
    expect(validate).toBeUndefined();
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SCHEMA_FORBIDDEN_KEYWORD', pointer: '/properties/a/maximum/$data' },
    ]);
  });

  it('refuses remote and non-local $ref, reporting each', () => {
    const { errors } = compileDataSchema({
      type: 'object',
      properties: {
        a: { $ref: 'https://evil.example/schema.json' },
        b: { $ref: 'other.json#/x' },
        c: { items: [{ $ref: 'file:///etc/passwd' }], type: 'array' },
      },
    });
    expect(codes(errors)).toEqual(
      expect.arrayContaining([
        { code: 'VTT_ERR_MODULE_SCHEMA_REMOTE_REF', pointer: '/properties/a/$ref' },
        { code: 'VTT_ERR_MODULE_SCHEMA_REMOTE_REF', pointer: '/properties/b/$ref' },
        { code: 'VTT_ERR_MODULE_SCHEMA_REMOTE_REF', pointer: '/properties/c/items/0/$ref' },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('refuses $id, $async and other dialects', () => {
    const { errors } = compileDataSchema({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://evil.example/x',
      $async: true,
      type: 'object',
    });
    expect(
      codes(errors)
        .map((e) => e.pointer)
        .sort(),
    ).toEqual(['/$async', '/$id', '/$schema']);
    expect(new Set(errors.map((e) => e.code))).toEqual(
      new Set(['VTT_ERR_MODULE_SCHEMA_FORBIDDEN_KEYWORD']),
    );
  });

  it('does not mistake data named like keywords for keywords', () => {
    const { errors } = compileDataSchema({
      type: 'object',
      properties: { $ref: { type: 'string' }, $data: { type: 'string', default: 'x' } },
      default: { $ref: 'https://not.a.ref', $data: 'x' },
    });
    expect(errors).toEqual([]);
  });

  it('refuses a 10 MB schema quickly, without serializing it', () => {
    const big = { type: 'object', description: 'x'.repeat(10 * 1024 * 1024) };
    const started = Date.now();
    const { errors } = compileDataSchema(big, '/actorTypes/npc/schema');
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SCHEMA_TOO_LARGE', pointer: '/actorTypes/npc/schema' },
    ]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a schema of many small parts over the size cap', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++) properties[`p${i}`] = { type: 'string', title: 't'.repeat(200) };
    const { errors } = compileDataSchema({ type: 'object', properties });
    expect(codes(errors)).toEqual([{ code: 'VTT_ERR_MODULE_SCHEMA_TOO_LARGE', pointer: '' }]);
  });

  it('refuses 1000-deep nesting without recursion, at the first level past the cap', () => {
    const { errors } = compileDataSchema(nested(1000));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.code).toBe('VTT_ERR_MODULE_SCHEMA_TOO_DEEP');
    expect((errors[0]?.pointer ?? '').split('/').length - 1).toBe(DATA_SCHEMA_LIMITS.maxDepth);
  });

  it('accepts nesting within the cap', () => {
    expect(compileDataSchema(nested(10)).errors).toEqual([]);
  });

  it('refuses catastrophic and over-long patterns, also as patternProperties keys', () => {
    const { errors } = compileDataSchema({
      type: 'object',
      properties: {
        a: { type: 'string', pattern: '^(a+)+$' },
        b: { type: 'string', pattern: 'x'.repeat(1000) },
      },
      patternProperties: { '^(\\w*)*$': { type: 'string' } },
    });
    expect(codes(errors)).toEqual(
      expect.arrayContaining([
        { code: 'VTT_ERR_MODULE_SCHEMA_UNSAFE_PATTERN', pointer: '/properties/a/pattern' },
        { code: 'VTT_ERR_MODULE_SCHEMA_UNSAFE_PATTERN', pointer: '/properties/b/pattern' },
        { code: 'VTT_ERR_MODULE_SCHEMA_UNSAFE_PATTERN', pointer: '/patternProperties/^(\\w*)*$' },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('refuses too many keywords', () => {
    const properties: Record<string, unknown> = {};
    for (let i = 0; i < DATA_SCHEMA_LIMITS.maxKeywords; i++)
      properties[`p${i}`] = { type: 'integer' };
    const { errors } = compileDataSchema({ type: 'object', properties });
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SCHEMA_TOO_MANY_KEYWORDS', pointer: '' },
    ]);
  });

  it('refuses a schema that is not an object', () => {
    expect(codes(compileDataSchema(true).errors)).toEqual([
      { code: 'VTT_ERR_MODULE_NOT_OBJECT', pointer: '' },
    ]);
  });
});

describe('compileDataSchema: invalid schemas', () => {
  it('reports meta-schema errors at their place', () => {
    const { errors } = compileDataSchema({ type: 'object', properties: { a: { type: 'strin' } } });
    expect(codes(errors)).toEqual([
      { code: 'VTT_ERR_MODULE_SCHEMA_INVALID', pointer: '/properties/a/type' },
    ]);
  });

  it.each([
    [{ type: 'object', properties: { a: { type: 'string', format: 'nope' } } }, '/properties/a'],
    [{ type: 'object', frobnicate: true }, ''],
    [{ properties: { a: { type: 'string' } } }, ''],
    [{ type: 'object', required: ['missing'] }, ''],
    [{ type: 'object', properties: { a: { $ref: '#/definitions/none' } } }, ''],
  ])('reports strict-mode problems (%j)', (schema, pointer) => {
    const { errors, validate } = compileDataSchema(schema);
    expect(validate).toBeUndefined();
    expect(codes(errors)).toEqual([{ code: 'VTT_ERR_MODULE_SCHEMA_INVALID', pointer }]);
  });
});

describe('compileDataSchema: shared between tables', () => {
  it('compiles one schema text once, frozen, and keeps each place apart', () => {
    const first = compileDataSchema(characterSchema());
    const again = compileDataSchema(characterSchema());
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.errors)).toBe(true);
    const elsewhere = compileDataSchema(characterSchema(), '/actorTypes/npc/schema');
    expect(elsewhere).not.toBe(first);
    const broken = { type: 'object', properties: { a: { type: 'strin' } } };
    expect(codes(compileDataSchema(broken, '/x').errors)).toEqual(
      codes(compileDataSchema(structuredClone(broken), '/x').errors),
    );
    expect(codes(compileDataSchema(broken, '/x').errors)[0]?.pointer).toBe('/x/properties/a/type');
  });
});
