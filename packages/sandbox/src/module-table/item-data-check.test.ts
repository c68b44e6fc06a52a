import { createTableState, commit, decide, type ModuleManifest, type TableState } from '@vtt/core';
import { describe, expect, it } from 'vitest';
import { checkItemData, itemDataValidators } from './item-data-check.js';

const manifest = {
  id: 'kit',
  name: 'Kit',
  version: '1.0.0',
  kind: 'system',
  engine: '^0.1.0',
  itemTypes: {
    weapon: {
      label: 'Weapon',
      schema: { type: 'object', required: ['damage'], properties: { damage: { type: 'string' } } },
    },
  },
} as unknown as ModuleManifest;

const created = (state: TableState, payload: object) => {
  const drafts = decide(state, { type: 'core:create-item', payload }, { userId: 'gm', now: 1 });
  return { drafts, after: commit(state, drafts, { author: 'gm', now: 1 }).state };
};

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('checkItemData', () => {
  const state = createTableState({ campaignId: 'c', name: 'C', gmUserId: 'gm', seed: 1 });
  const checks = itemDataValidators([manifest]);

  it('accepts items of a declared type with valid data', () => {
    const { drafts, after } = created(state, {
      name: 'Axe',
      type: 'weapon',
      data: { damage: '1d8' },
    });
    expect(codeOf(() => checkItemData(checks, drafts, after))).toBeUndefined();
  });

  it('refuses invalid data and undeclared types', () => {
    const bad = created(state, { name: 'Axe', type: 'weapon', data: { damage: 8 } });
    expect(codeOf(() => checkItemData(checks, bad.drafts, bad.after))).toBe(
      'VTT_ERR_DOCUMENT_INVALID',
    );
    const wand = created(state, { name: 'Wand', type: 'wand' });
    expect(codeOf(() => checkItemData(checks, wand.drafts, wand.after))).toBe(
      'VTT_ERR_ITEM_TYPE_UNKNOWN',
    );
    const none = itemDataValidators([{ ...manifest, itemTypes: undefined } as never]);
    expect(codeOf(() => checkItemData(none, wand.drafts, wand.after))).toBe(
      'VTT_ERR_ITEM_TYPE_UNKNOWN',
    );
  });

  it('checks nothing at a table of bare bundles (no manifest)', () => {
    const wand = created(state, { name: 'Wand', type: 'wand' });
    expect(codeOf(() => checkItemData(itemDataValidators([]), wand.drafts, wand.after))).toBe(
      undefined,
    );
  });
});
