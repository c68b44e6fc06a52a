import { describe, expect, it } from 'vitest';
import { errorCode, fixtureTable, USERS } from '../../test-support/table-fixture.js';
import { decide } from '../actions/decide.js';
import type { CompendiumLookup } from '../actions/import-actions.js';
import { exampleFiles, exampleManifest } from '../manifest/test-fixtures.js';
import { validateModuleData } from '../manifest/validate-module-data.js';
import { commit } from '../reducer/commit.js';
import { createCompendiumIndex } from './compendium-index.js';
import { checkRollTableEntries, rollTableFromEntry } from './roll-table-entry.js';
import type { JsonValue } from '../model/json.js';
import { searchCompendium } from './search-compendium.js';

const WEATHER = {
  id: 'weather',
  name: 'Random weather',
  tags: ['wilderness'],
  data: {
    results: [
      { weight: 3, text: 'Clear' },
      {
        weight: 1,
        text: 'Storm',
        compendium: { module: 'srd', pack: 'hazards', entry: 'lightning' },
      },
    ],
  },
};
const DRESSING = {
  id: 'dressing',
  name: 'Dungeon dressing',
  data: {
    formula: '1d6',
    replacement: false,
    results: [
      { range: [1, 2], text: 'Rubble' },
      { range: [4, 6], text: 'Bones' },
    ],
  },
};

const located = (list: ReadonlyArray<{ code: string; pointer: string; file?: string }>) =>
  list.map(({ code, pointer, file }) => ({ code, file, pointer }));

describe('roll-table packs', () => {
  it('accepts entries of weights or ranges and types them rollTable', () => {
    const { errors, entries } = checkRollTableEntries([WEATHER]);
    expect(errors).toEqual([]);
    expect(entries?.[0]).toMatchObject({ id: 'weather', type: 'rollTable' });
  });

  it('reports a gap, a duplicate id and a nested table with pointers into the pack', () => {
    const nested = {
      id: 'weather',
      name: 'Nested',
      data: { results: [{ weight: 1, text: 'x', tableId: 'other' }] },
    };
    const { errors } = checkRollTableEntries([WEATHER, DRESSING, nested]);
    expect(located(errors)[0]).toEqual({
      code: 'VTT_ERR_ROLLTABLE_RANGE_GAP',
      file: undefined,
      pointer: '/1/data/results/1/range',
    });
    // Packs cannot nest tables: the ids would be the pack's, not the table's.
    expect(errors.length).toBeGreaterThan(1);
    for (const e of errors.slice(1)) expect(e.pointer).toMatch(/^\/2\/data\/results\/0/);
    expect(errors[0]!.message).toContain('covers 3,');
    expect(checkRollTableEntries({}).errors[0]!.code).toBe('VTT_ERR_MODULE_FIELD_TYPE');
    const twice = checkRollTableEntries([WEATHER, WEATHER]).errors;
    expect(located(twice)).toEqual([
      { code: 'VTT_ERR_MODULE_DUPLICATE_ID', file: undefined, pointer: '/1/id' },
    ]);
  });

  it('is declared in the manifest without a type, and vtt validate checks its file', () => {
    const manifest = exampleManifest();
    const packs = [
      ...(manifest.compendium ?? []),
      {
        id: 'tables',
        label: 'Tables',
        documentType: 'rollTable' as const,
        path: 'packs/tables.json',
      },
    ];
    const ok = validateModuleData({
      manifest: { ...manifest, compendium: packs },
      files: { ...exampleFiles(), 'packs/tables.json': [WEATHER] },
    });
    expect(ok.errors).toEqual([]);
    const bad = validateModuleData({
      manifest: { ...manifest, compendium: packs },
      files: { ...exampleFiles(), 'packs/tables.json': [DRESSING] },
    });
    expect(located(bad.errors)).toEqual([
      {
        code: 'VTT_ERR_ROLLTABLE_RANGE_GAP',
        file: 'packs/tables.json',
        pointer: '/0/data/results/1/range',
      },
    ]);
    const typed = validateModuleData({
      manifest: { ...manifest, compendium: [{ ...packs[1]!, type: 'spell' }] },
      files: { ...exampleFiles(), 'packs/tables.json': [WEATHER] },
    });
    expect(typed.errors.map((e) => e.pointer)).toContain('/compendium/0');
  });

  it('is found by a compendium search for roll tables', () => {
    const entries = checkRollTableEntries([WEATHER]).entries!;
    const index = createCompendiumIndex([
      {
        module: 'srd',
        pack: { id: 'tables', label: 'Tables', documentType: 'rollTable', path: 'packs/t.json' },
        entries,
      },
    ]);
    const found = searchCompendium(index, { text: 'weather', documentType: 'rollTable' });
    expect(found.entries.map((e) => [e.id, e.type, e.documentType])).toEqual([
      ['weather', 'rollTable', 'rollTable'],
    ]);
  });
});

describe('importing a roll-table entry', () => {
  const lookup: CompendiumLookup = ({ entry }) =>
    entry === 'weather'
      ? {
          entry: {
            documentType: 'rollTable',
            name: WEATHER.name,
            type: 'rollTable',
            data: WEATHER.data as JsonValue,
          },
        }
      : { missing: 'entry' };
  const importAs = (userId: string, payload: object) => {
    const s = fixtureTable();
    const action = { type: 'core:import-compendium', payload };
    const drafts = decide(s, action, { userId, now: 1, compendium: lookup });
    return commit(s, drafts, { author: userId, now: 1 }).state;
  };

  it('makes a GM-only table with the weights as ranges, ready to draw', () => {
    const s = importAs(USERS.gm, { module: 'srd', pack: 'tables', entry: 'weather', id: 'w' });
    const table = s.rollTables.get('w')!;
    expect(table).toEqual({
      id: 'w',
      ...rollTableFromEntry({ name: WEATHER.name, data: WEATHER.data }),
    });
    expect(table).toMatchObject({ formula: '1d4', visibility: 'gm', replacement: true });
    expect(table.results.map((r) => r.range)).toEqual([
      [1, 3],
      [4, 4],
    ]);
    expect(table.results[1]!.compendium).toEqual({
      module: 'srd',
      pack: 'hazards',
      entry: 'lightning',
    });
  });

  it('refuses players, and an actor to import it onto', () => {
    const payload = { module: 'srd', pack: 'tables', entry: 'weather' };
    expect(errorCode(() => importAs(USERS.p1, payload))).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(errorCode(() => importAs(USERS.gm, { ...payload, actorId: 'a1' }))).toBe(
      'VTT_ERR_COMPENDIUM_TARGET',
    );
  });
});
