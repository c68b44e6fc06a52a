import { readFileSync } from 'node:fs';
import { compileDataSchema, validateModuleData } from '@vtt/core';
import { describe, expect, it } from '@vtt/sdk/testing';
import { damageNotation } from './rolls.js';
import { SKILLS } from './skills.js';
import { VANCE } from './test-helpers.js';
import travellerModule from './module.js';

const read = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));

type Manifest = {
  sheets: { id: string; path: string }[];
  compendium: { path: string }[];
  actorTypes: Record<string, { schema: unknown }>;
};
const manifest = read('vtt-module.json') as Manifest;
const files: Record<string, unknown> = {};
for (const { path } of [...manifest.sheets, ...manifest.compendium]) files[path] = read(path);

describe('module data', () => {
  it('validates: manifest, schemas, sheets and packs', () => {
    const { errors, warnings } = validateModuleData({ manifest, files });
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('describes in its skills pack exactly the skills the rules know, with the same characteristic', () => {
    const pack = files['packs/skills.json'] as {
      id: string;
      name: string;
      data: { characteristic: string };
    }[];
    expect(
      Object.fromEntries(
        pack.map((e) => [e.id, { label: e.name, characteristic: e.data.characteristic }]),
      ),
    ).toEqual(SKILLS);
  });

  it('gives every weapon damage dice the damage roll can read', () => {
    const pack = files['packs/weapons.json'] as { data: { damage: string } }[];
    for (const weapon of pack) expect(damageNotation(weapon.data.damage)).not.toBeNull();
  });

  it('accepts the example traveller and refuses a characteristic beyond Z (33)', () => {
    const { validate } = compileDataSchema(manifest.actorTypes['traveller']!.schema);
    expect(validate!(VANCE)).toEqual([]);
    const tooHigh = { characteristics: { ...VANCE.characteristics, soc: 34 } };
    expect(validate!(tooHigh)).not.toEqual([]);
  });

  it('names on every sheet, item rows included, only rolls the module registers', () => {
    const rolls: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (typeof record['roll'] === 'string') rolls.push(record['roll']);
      Object.values(record).forEach(walk);
    };
    for (const { path } of manifest.sheets) walk(files[path]);
    expect(rolls).toEqual(expect.arrayContaining(['ship-attack', 'ship-pilot', 'attack']));
    const registered = Object.keys(travellerModule.rolls ?? {});
    expect(rolls.filter((r) => !registered.includes(r))).toEqual([]);
  });

  it('accepts the packs` starships and refuses one without a hull', () => {
    const { validate } = compileDataSchema(manifest.actorTypes['starship']!.schema);
    const ships = files['packs/ships.json'] as { data: Record<string, unknown> }[];
    for (const ship of ships) expect(validate!(ship.data)).toEqual([]);
    const { hull: _hull, ...hullless } = ships[0]!.data;
    expect(validate!(hullless)).not.toEqual([]);
  });
});
