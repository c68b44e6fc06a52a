import { fileURLToPath } from 'node:url';
import { createTestTable, describe, expect, it } from '@vtt/sdk/testing';

describe('heroes', () => {
  it('rolls a check', async () => {
    const t = await createTestTable({
      modules: [fileURLToPath(new URL('./module.ts', import.meta.url))],
    });
    try {
      t.forceDice(20);
      const { outcome } = await t.gm.roll('check');
      expect(outcome.critical).toBe('success');
    } finally {
      await t.close();
    }
  });
});
