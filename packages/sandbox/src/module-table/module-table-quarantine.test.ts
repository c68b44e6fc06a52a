import { afterEach, describe, expect, it } from 'vitest';
import type { TableEvent } from '@vtt/core';
import { createSandboxHost, type SandboxHost } from '../index.js';
import {
  description,
  guestBundle,
  manifestWith,
  smallTable,
} from '../test-support/guest-bundle.js';
import { createModuleTable } from './module-table.js';

/** A module whose before-hook on core:move-token always throws, and one action. */
const BROKEN_GUARD = guestBundle(
  description('guard', {
    actions: { 'guard:ping': { schema: { type: 'object' } } },
    hooks: { before: ['core:move-token'], after: ['core:token-moved'] },
  }),
  `
export function vttBefore() { throw new Error('rules bug'); }
export function vttAfter() { throw new Error('after bug'); }
export function vttAction() { return { proposals: [] }; }
`,
);

const capabilities = { hooks: { before: ['core:move-token'], after: ['core:token-moved'] } };

describe('a quarantined module at a table', () => {
  let host: SandboxHost | undefined;
  afterEach(async () => {
    await host?.close();
  });

  it('stops taking part: players keep moving on core rules, everyone is told, and a GM restarts it', async () => {
    host = await createSandboxHost({ workers: 1, limits: { quarantineAfter: 3 } });
    const committed: TableEvent[] = [];
    const table = await createModuleTable({
      onCommit: (events) => committed.push(...events),
      host,
      tableId: 'q1',
      state: smallTable(),
      modules: [
        { id: 'guard', source: BROKEN_GUARD, manifest: manifestWith('guard', capabilities) },
      ],
      clock: () => 1000,
    });
    const move = (x: number) =>
      table.dispatch({ type: 'core:move-token', payload: { tokenId: 't1', x, y: 0 } }, 'p1');

    // While it is merely failing, its before-hook's fault refuses the move.
    await expect(move(10)).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_MODULE_THREW' });
    await expect(move(20)).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_MODULE_THREW' });
    // The third failure quarantines it: from then on the table plays on core rules.
    await move(30);
    expect(table.state.tokens.get('t1')).toMatchObject({ x: 30 });
    const change = await move(40);
    expect(change.warnings).toEqual([]); // its after-hook is skipped too
    expect(table.state.tokens.get('t1')).toMatchObject({ x: 40 });

    expect(table.moduleStatus()).toMatchObject([
      { moduleId: 'guard', state: 'suspended', failuresInRow: 3 },
    ]);
    const notices = table.state.chat.filter((m) => m.text.includes('"guard" are suspended'));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.whisper).toEqual([]); // every member sees it
    // A server learns of it as of every change, though no call returned it.
    expect(committed.map((e) => e.seq)).toEqual(committed.map((_, i) => i + committed[0]!.seq));
    expect(committed.filter((e) => e.type === 'core:message-posted')).toHaveLength(1);
    expect(committed.at(-1)!.seq).toBe(table.state.seq);

    await expect(table.dispatch({ type: 'guard:ping', payload: {} }, 'p1')).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_SUSPENDED',
      params: { moduleId: 'guard' },
    });

    await expect(table.restartModule('guard', 'p1')).rejects.toMatchObject({
      code: 'VTT_ERR_PERMISSION_GM_ONLY',
    });
    await expect(table.restartModule('nobody', 'gm')).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_NOT_FOUND',
    });
    const restarted = await table.restartModule('guard', 'gm');
    expect(restarted.events.map((e) => e.type)).toEqual(['core:message-posted']);
    expect(table.state.chat.at(-1)).toMatchObject({ whisper: [] });
    expect(table.moduleStatus()).toMatchObject([{ moduleId: 'guard', state: 'active' }]);
    // Its rules apply again (here: its broken hook runs again), with the current state loaded.
    await expect(move(50)).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_MODULE_THREW' });
    expect((await table.dispatch({ type: 'guard:ping', payload: {} }, 'p1')).events).toEqual([]);
    await table.close();
  });

  it('counts malformed replies like throws: a guard that answers junk is suspended, not obeyed forever', async () => {
    host = await createSandboxHost({ workers: 1, limits: { quarantineAfter: 3 } });
    const junk = guestBundle(
      description('junk', { hooks: { before: ['core:move-token'], after: [] } }),
      `export function vttBefore() { return { nope: true }; }`,
    );
    const table = await createModuleTable({
      host,
      tableId: 'q2',
      state: smallTable(),
      modules: [{ id: 'junk', source: junk }],
      clock: () => 1000,
    });
    const move = (x: number) =>
      table.dispatch({ type: 'core:move-token', payload: { tokenId: 't1', x, y: 0 } }, 'p1');
    for (const x of [1, 2]) {
      await expect(move(x)).rejects.toMatchObject({
        code: 'VTT_ERR_MODULE_BAD_REPLY',
        params: { moduleId: 'junk', call: 'before', pointer: '/payload' },
      });
    }
    await move(3);
    expect(table.state.tokens.get('t1')).toMatchObject({ x: 3 });
    expect(table.moduleStatus()).toMatchObject([
      {
        moduleId: 'junk',
        state: 'suspended',
        failuresInRow: 3,
        lastError: { code: 'VTT_ERR_MODULE_BAD_REPLY' },
      },
    ]);
    await table.close();
  });

  it('counts a hook that breaks a valid action as its failure, and never blames the user', async () => {
    host = await createSandboxHost({ workers: 1, limits: { quarantineAfter: 3 } });
    const breaker = guestBundle(
      description('breaker', { hooks: { before: ['core:move-token'], after: [] } }),
      `export function vttBefore(call) { return { payload: { ...call.payload, x: 'far away' } }; }`,
    );
    const table = await createModuleTable({
      host,
      tableId: 'q3',
      state: smallTable(),
      modules: [{ id: 'breaker', source: breaker }],
      clock: () => 1000,
    });
    const move = (x: unknown) =>
      table.dispatch({ type: 'core:move-token', payload: { tokenId: 't1', x, y: 0 } }, 'p1');
    // The user's own invalid action is theirs: refused before any module runs, not counted.
    await expect(move('nowhere')).rejects.toMatchObject({ code: 'VTT_ERR_ACTION_INVALID' });
    expect(table.moduleStatus()).toMatchObject([{ moduleId: 'breaker', failuresInRow: 0 }]);
    for (const x of [1, 2]) {
      await expect(move(x)).rejects.toMatchObject({
        code: 'VTT_ERR_MODULE_BAD_REPLY',
        params: { moduleId: 'breaker', call: 'before', pointer: '/payload/x' },
      });
    }
    await move(3);
    expect(table.state.tokens.get('t1')).toMatchObject({ x: 3 });
    expect(table.moduleStatus()).toMatchObject([{ moduleId: 'breaker', state: 'suspended' }]);
    await table.close();
  });
});
