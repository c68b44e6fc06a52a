import { readFileSync } from 'node:fs';
import { compileDataSchema, validateModuleData } from '@vtt/core';
import { describe, expect, it } from '@vtt/sdk/testing';
import { readStats, type Actor } from './actor-data.js';
import { deriveStats } from './derived.js';
import { augment } from './stats.js';
import { GANGER_DATA, RAZOR_DATA } from './test-support.js';

const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));

const manifest = readJson('vtt-module.json') as {
  actorTypes: Record<string, { schema: unknown; derived: unknown }>;
  sheets: { path: string }[];
  compendium: { path: string }[];
};

const asActor = (type: string, data: unknown) => ({ id: 'a', name: 'A', type, data }) as Actor;

describe('the module data', () => {
  it('validates: manifest, sheets and packs', () => {
    const files: Record<string, unknown> = {};
    for (const { path } of [...manifest.sheets, ...manifest.compendium]) {
      files[path] = readJson(path);
    }
    const { errors, warnings } = validateModuleData({ manifest, files });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("accepts the tests' sample characters and what is derived from them", () => {
    for (const [type, data] of [
      ['runner', RAZOR_DATA],
      ['npc', GANGER_DATA],
    ] as const) {
      const types = manifest.actorTypes[type]!;
      expect(compileDataSchema(types.schema).validate!(data)).toEqual([]);
      const derived = deriveStats(augment(readStats(asActor(type, data)), []));
      expect(compileDataSchema(types.derived).validate!(derived)).toEqual([]);
    }
  });
});
