import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkRollTableEntries, resultAt, type RollTable } from '@vtt/core';
import {
  afterAll,
  beforeAll,
  createTestTable,
  describe,
  expect,
  it,
  rejectionOf,
  type TestTable,
} from '@vtt/sdk/testing';
import { MODULE_ENTRY } from './test-fixtures.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pack = JSON.parse(readFileSync(`${root}packs/tables.json`, 'utf8')) as unknown;

describe('the roll-table pack', () => {
  // manifest.test.ts runs the same checks on it as `vtt validate`.
  it('holds drawable tables of weights, ranges and 2d6', () => {
    const { errors, entries } = checkRollTableEntries(pack);
    expect(errors).toEqual([]);
    expect(entries!.map((e) => e.id)).toEqual([
      'random-weather',
      'dungeon-dressing',
      'road-encounters',
      'treasure-trinkets',
    ]);
  });

  describe('imported and drawn at a table', () => {
    let t: TestTable;
    const table = (id: string) => t.state.rollTables.get(id) as RollTable;
    beforeAll(async () => {
      t = await createTestTable({ modules: [MODULE_ENTRY], players: ['alice'], seed: 5 });
      for (const entry of ['road-encounters', 'treasure-trinkets']) {
        await t.gm.act('core:import-compendium', {
          module: 'dnd5e',
          pack: 'tables',
          entry,
          id: entry,
        });
      }
    });
    afterAll(() => t.close());

    it('imports GM-only tables, refused to players until made public', async () => {
      expect(table('road-encounters')).toMatchObject({ formula: '2d6', visibility: 'gm' });
      const refused = await rejectionOf(
        t.player('alice').act('core:draw-table', { tableId: 'road-encounters' }),
      );
      expect(refused.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
      expect(refused.message).not.toContain('Road encounters');
    });

    it('rolls 2d6 with the table dice and names the monster entry of the result', async () => {
      await t.gm.act('core:update-roll-table', {
        tableId: 'road-encounters',
        patch: { visibility: 'public' },
      });
      await t.player('alice').act('core:draw-table', { tableId: 'road-encounters' });
      const message = t.state.chat.at(-1)!;
      const record = message.verified!.rolls[0]!;
      expect(record).toMatchObject({ notation: '2d6', stream: 'dice' });
      const result = resultAt(table('road-encounters'), record.total)!.result;
      expect(message.text).toContain(result.text);
      if (result.compendium !== null)
        expect(message.text).toContain(`dnd5e/srd-monsters/${result.compendium.entry}`);
    });

    it('draws each pocket find once until the GM resets the table', async () => {
      const found = new Set<string>();
      for (let i = 0; i < 6; i++) {
        await t.gm.act('core:draw-table', { tableId: 'treasure-trinkets', whisper: true });
        found.add(t.state.chat.at(-1)!.text.split('): ').at(-1)!);
      }
      expect(found.size).toBe(6);
      const empty = await rejectionOf(
        t.gm.act('core:draw-table', { tableId: 'treasure-trinkets' }),
      );
      expect(empty.code).toBe('VTT_ERR_ROLLTABLE_EXHAUSTED');
      await t.gm.act('core:reset-roll-table', { tableId: 'treasure-trinkets' });
      expect(table('treasure-trinkets').results.some((r) => r.drawn)).toBe(false);
    });
  });
});
