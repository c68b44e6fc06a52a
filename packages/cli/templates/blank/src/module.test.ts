/**
 * Tests of the rules, run by `vtt test` against the real sandbox: the module
 * is bundled as `vtt build` bundles it, and every action goes through the
 * same schema and permission checks as on the server.
 */
import { createTestTable, describe, expect, it } from '@vtt/sdk/testing';

const MODULE = new URL('./module.ts', import.meta.url);

describe('__MODULE_NAME__', () => {
  it('says hello and rolls a d20', async () => {
    const t = await createTestTable({ modules: [MODULE], players: ['alice'], seed: 1 });
    try {
      await t.player('alice').act('__MODULE_ID__:say-hello', {});
      expect(t.state.chat.at(-1)).toMatchObject({
        text: 'Hello from __MODULE_NAME__!',
        author: 'player:alice',
      });
      t.forceDice(17);
      const { outcome } = await t.player('alice').roll('check');
      expect(outcome).toMatchObject({ name: 'check', total: 17 });
    } finally {
      await t.close();
    }
  });
});
