import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTable, createdId, rejectionOf, type TestTable } from './create-test-table.js';

const blast = fileURLToPath(new URL('../../test-fixtures/blast-module.ts', import.meta.url));
const alice = 'player:alice';

/** Goblins on a 5 ft grid of 100 px squares: which a 20 ft fireball at (1000, 1000) hits. */
const GOBLINS = {
  near: { x: 900, y: 900 },
  rim: { x: 1200, y: 700 },
  far: { x: 1300, y: 1300 },
  lurker: { x: 1000, y: 1000, hidden: true },
} as const;

describe('ctx.templateTargets in real QuickJS (blast fixture)', () => {
  let t: TestTable;
  let fireball = '';
  beforeAll(async () => {
    t = await createTestTable({ modules: [blast], players: ['alice'], seed: 9 });
    await t.gm.act('core:create-scene', { id: 's1', name: 'Field' });
    for (const [id, g] of Object.entries(GOBLINS))
      await t.gm.act('core:create-token', { id, sceneId: 's1', name: `Goblin ${id}`, ...g });
    fireball = createdId(
      await t.player('alice').act('core:create-template', {
        sceneId: 's1',
        shape: 'circle',
        origin: { x: 1000, y: 1000 },
        size: 20,
      }),
      'core:template-created',
    );
    await t.gm.act('core:create-template', {
      id: 'trap',
      sceneId: 's1',
      shape: 'rect',
      origin: { x: 0, y: 0 },
      size: 10,
    });
  });
  afterAll(() => t.close());

  it('rolls a blast over the tokens a template hits, as the GM sees them', async () => {
    t.forceDice(6, 6, 6, 6, 6, 6, 6, 1);
    const { outcome } = await t.gm.roll('blast', { args: { templateId: fireball } });
    expect(outcome.label).toBe('Blast (20 circle)');
    expect(outcome.total).toBe(43);
    expect(outcome.data).toEqual({
      targets: ['lurker', 'near', 'rim'],
      names: ['Goblin lurker', 'Goblin near', 'Goblin rim'],
    });
  });

  it('gives a player only the targets they see, never a hidden token', async () => {
    const { outcome } = await t.player('alice').roll('blast', { args: { templateId: fireball } });
    expect(outcome.data).toEqual({
      targets: ['near', 'rim'],
      names: ['Goblin near', 'Goblin rim'],
    });
    expect(JSON.stringify(t.player('alice').view())).not.toContain('lurker');
  });

  it('refuses a GM-only template to a player as not found, the same as a missing one', async () => {
    const hidden = await rejectionOf(
      t.player('alice').roll('blast', { args: { templateId: 'trap' } }),
    );
    const missing = await rejectionOf(
      t.player('alice').roll('blast', { args: { templateId: 'nope' } }),
    );
    expect(hidden.code).toBe('VTT_ERR_MODULE_REJECTED');
    expect(hidden.params).toMatchObject({ reason: expect.stringContaining('"trap"') });
    expect(missing.code).toBe(hidden.code);
    const { outcome } = await t.gm.roll('blast', { args: { templateId: 'trap' } });
    expect(outcome.data).toEqual({ targets: [], names: [] });
  });

  it('lets module code catch the refusal by its code', async () => {
    await t.player('alice').act('blast:probe', { templateId: 'trap' });
    expect(t.state.chat[t.state.chat.length - 1]?.text).toBe(
      'no such template (VTT_ERR_DOCUMENT_NOT_FOUND)',
    );
    await t.player('alice').act('blast:probe', { templateId: fireball });
    expect(t.state.chat[t.state.chat.length - 1]?.text).toBe('hits near,rim');
  });

  it('follows the template as it moves', async () => {
    await t.player('alice').act('core:update-template', {
      templateId: fireball,
      patch: { origin: { x: 1400, y: 1400 } },
    });
    const { outcome } = await t.player('alice').roll('blast', { args: { templateId: fireball } });
    expect(outcome.data).toMatchObject({ targets: ['far'] });
    expect(t.state.templates.get(fireball)?.author).toBe(alice);
  });
});
