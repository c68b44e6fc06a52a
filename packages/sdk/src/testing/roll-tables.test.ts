import { fileURLToPath } from 'node:url';
import type { ModuleManifest } from '@vtt/core';
import { describe, expect, it } from 'vitest';
import { bundleModule } from '../bundle/bundle-module.js';
import { createTestTable, rejectionOf } from './index.js';

const entry = fileURLToPath(new URL('../../test-fixtures/oracle-module.ts', import.meta.url));

const manifestWith = (propose: string[]) =>
  ({
    id: 'oracle',
    name: 'Oracle',
    version: '1.0.0',
    kind: 'addon',
    engine: '^0.1.0',
    capabilities: { propose },
  }) as unknown as ModuleManifest;

async function oracleTable(propose: string[]) {
  const built = await bundleModule({ entry, sourcemap: false });
  const t = await createTestTable({
    modules: [{ source: built.code!, id: 'oracle', manifest: manifestWith(propose) }],
    players: ['alice'],
    seed: 3,
  });
  await t.gm.act('core:create-roll-table', {
    id: 'oracle',
    name: 'Oracle',
    visibility: 'public',
    results: [
      { weight: 1, text: 'Yes' },
      { weight: 1, text: 'No' },
    ],
  });
  await t.gm.act('core:create-roll-table', {
    id: 'plot',
    name: 'CANARY plot twists',
    results: [{ weight: 1, text: 'CANARY the butler' }],
  });
  return t;
}

describe('roll tables in module code', () => {
  it('draws a table found in ctx.state.rollTables for the user, as the user may', async () => {
    const t = await oracleTable(['core:draw-table']);
    try {
      await t.player('alice').act('oracle:ask', { name: 'Oracle' });
      const drawn = t.state.chat.at(-1)!;
      expect(drawn.text).toMatch(/^\*\*Oracle\*\* \(1d2: [12]\): (Yes|No)$/);
      expect(drawn.verified).toMatchObject({ by: 'core', rolls: [{ notation: '1d2' }] });
      expect(drawn.whisper).toEqual([]);
      // The GM's table is not the player's to draw, through a module or not.
      const refused = await rejectionOf(
        t.player('alice').act('oracle:ask', { name: 'CANARY plot twists' }),
      );
      expect(refused.code).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
      expect(refused.message).not.toContain('CANARY');
      expect(t.state.chat).toHaveLength(1);
      await t.gm.act('oracle:ask', { name: 'CANARY plot twists' });
      expect(t.state.chat.at(-1)!.text).toContain('CANARY the butler');
    } finally {
      await t.close();
    }
  });

  it('refuses a draw the manifest does not declare', async () => {
    const t = await oracleTable([]);
    try {
      const error = await rejectionOf(t.player('alice').act('oracle:ask', { name: 'Oracle' }));
      expect(error.code).toMatch(/^VTT_ERR_MODULE_/);
      expect(t.state.chat.some((m) => m.verified !== undefined)).toBe(false);
    } finally {
      await t.close();
    }
  });
});
