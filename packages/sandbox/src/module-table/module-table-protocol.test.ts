import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxHost, type SandboxHost } from '../index.js';
import { MODULE_PROTOCOL_VERSION } from '@vtt/core';
import {
  description,
  guestBundle,
  manifestWith,
  smallTable,
} from '../test-support/guest-bundle.js';
import { createModuleTable } from './module-table.js';
import type { ModuleBundle } from './module-table-types.js';

let host: SandboxHost;
let tables = 0;
beforeAll(async () => {
  // Malformed replies count towards quarantine: allow more than these tests make in a row.
  host = await createSandboxHost({ workers: 1, limits: { quarantineAfter: 10 } });
});
afterAll(() => host.close());

const open = (...modules: ModuleBundle[]) =>
  createModuleTable({
    host,
    tableId: `p${++tables}`,
    state: smallTable(),
    modules,
    clock: () => 1,
  });

describe('a hostile vttDescribe reply is refused at load, naming the module and the field', () => {
  const { actions: _actions, ...withoutActions } = description('junk');
  it.each([
    ['missing actions', withoutActions, '/actions'],
    ['hooks as a string', description('junk', { hooks: 'core:move-token' }), '/hooks'],
    [
      'a hook that is no string',
      description('junk', { hooks: { before: [7], after: [] } }),
      '/hooks/before/0',
    ],
    ['initiative as text', description('junk', { initiative: 'yes' }), '/initiative'],
    [
      'a negative pass step',
      description('junk', { initiativePassStep: -1 }),
      '/initiativePassStep',
    ],
    [
      'a roll label that is no string',
      description('junk', { rolls: { hit: { label: 3 } } }),
      '/rolls/hit/label',
    ],
    [
      'an action of another module',
      description('junk', { actions: { 'dnd5e:rest': { schema: {} } } }),
      '/actions/dnd5e:rest',
    ],
    [
      'an action without a schema',
      description('junk', { actions: { 'junk:go': {} } }),
      '/actions/junk:go/schema',
    ],
    ['an id that is no string', description('junk', { id: 42 }), '/id'],
  ])('%s', async (_name, reply, pointer) => {
    await expect(open({ source: guestBundle(reply) })).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_BAD_REPLY',
      params: { call: 'describe', pointer },
    });
  });

  it('names the module once its id is known', async () => {
    const reply = description('junk', { derived: {} });
    await expect(open({ source: guestBundle(reply) })).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_BAD_REPLY',
      params: { moduleId: 'junk', call: 'describe', pointer: '/derived' },
    });
  });

  it('refuses another protocol, and a reply that is no object', async () => {
    for (const reply of [
      description('junk', { protocol: MODULE_PROTOCOL_VERSION + 1 }),
      'hello',
      null,
    ]) {
      await expect(open({ source: guestBundle(reply) })).rejects.toMatchObject({
        code: 'VTT_ERR_MODULE_PROTOCOL_MISMATCH',
      });
    }
  });

  it('drops extra fields, and never finds names on the prototype', async () => {
    const reply = description('junk', {
      junk: { deep: [1, 2, 3] },
      hooks: { before: [], after: [], extra: ['core:move-token'] },
      rolls: { hit: { label: 'Hit', junk: true } },
    });
    const table = await open({ source: guestBundle(reply) });
    const described = table.modules.get('junk')!;
    expect(described).not.toHaveProperty('junk');
    expect(described.hooks).toEqual({ before: [], after: [] });
    expect(described.rolls['hit']).toEqual({ label: 'Hit' });
    await expect(table.roll({ name: 'toString', userId: 'gm' })).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_UNKNOWN_NAME',
    });
    await table.close();
  });
});

describe('hook names', () => {
  it('refuses a hook on a name core does not have, with a did-you-mean', async () => {
    const source = guestBundle(
      description('typo', { hooks: { before: ['core:move-tokn'], after: [] } }),
    );
    const error = await open({ source }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'VTT_ERR_MODULE_HOOK_UNKNOWN',
      params: { moduleId: 'typo', phase: 'before', name: 'core:move-tokn' },
    });
    expect(String((error as { params: { suggestion: string } }).params.suggestion)).toContain(
      'core:move-token',
    );
  });

  it('refuses an after-hook on an action name (after-hooks take event names)', async () => {
    const source = guestBundle(
      description('typo', { hooks: { before: [], after: ['core:move-token'] } }),
    );
    await expect(open({ source })).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_HOOK_UNKNOWN',
      params: { phase: 'after', kind: 'event' },
    });
  });
});

describe('hostile replies to later calls', () => {
  const BODY = `
export function vttAction(call) {
  if (call.type === 'bad:kind') return { proposals: [{ kind: 'spell' }] };
  if (call.type === 'bad:whisper') return { proposals: [{ kind: 'message', text: 'x', whisper: 'all' }] };
  return { proposals: [], junk: 1 };
}
export function vttBefore(call) { return { junk: call.payload }; }
export function vttRoll() { return { outcome: { total: '20', rolls: [] }, proposals: [] }; }
`;
  const reply = description('bad', {
    actions: {
      'bad:kind': { schema: {} },
      'bad:whisper': { schema: {} },
      'bad:ok': { schema: {} },
    },
    hooks: { before: ['core:move-token'], after: [] },
    rolls: { hit: {} },
  });

  it('refuses each with BAD_REPLY and the pointer of the field, changing nothing', async () => {
    const table = await open({ source: guestBundle(reply, BODY) });
    const seq = table.state.seq;
    await expect(table.dispatch({ type: 'bad:kind', payload: {} }, 'gm')).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_BAD_REPLY',
      params: { moduleId: 'bad', call: 'action', pointer: '/proposals/0/kind' },
    });
    await expect(table.dispatch({ type: 'bad:whisper', payload: {} }, 'gm')).rejects.toMatchObject({
      params: { pointer: '/proposals/0/whisper' },
    });
    await expect(
      table.dispatch({ type: 'core:move-token', payload: { tokenId: 't1', x: 1, y: 1 } }, 'gm'),
    ).rejects.toMatchObject({ params: { call: 'before', pointer: '/payload' } });
    await expect(table.roll({ name: 'hit', userId: 'gm' })).rejects.toMatchObject({
      params: { call: 'roll', pointer: '/outcome/total' },
    });
    expect(table.state.seq).toBe(seq);
    expect((await table.dispatch({ type: 'bad:ok', payload: {} }, 'gm')).events).toEqual([]);
    await table.close();
  });
});

describe('declared capabilities', () => {
  /** An add-on that tries to unhide every token whenever anyone chats. */
  const SNOOP = guestBundle(
    description('snoop', {
      actions: { 'snoop:say': { schema: {} } },
      hooks: { before: [], after: ['core:message-posted'] },
    }),
    `
export function vttAfter() {
  return { proposals: [{ kind: 'action', type: 'core:update-token', payload: { tokenId: 'secret', patch: { hidden: false } } }] };
}
export function vttAction() { return { proposals: [{ kind: 'message', text: 'hi', whisper: [] }] }; }
`,
  );

  it('refuses at load a hook the manifest does not declare', async () => {
    const manifest = manifestWith('snoop', { propose: ['core:send-message'] });
    await expect(open({ id: 'snoop', source: SNOOP, manifest })).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_CAPABILITY_UNDECLARED',
      params: {
        moduleId: 'snoop',
        name: 'core:message-posted',
        pointer: '/capabilities/hooks/after',
      },
    });
  });

  it("refuses a proposal the manifest does not declare, even with the GM's power", async () => {
    const manifest = manifestWith('snoop', { hooks: { after: ['core:message-posted'] } });
    const table = await open({ id: 'snoop', source: SNOOP, manifest });
    const change = await table.chat({ userId: 'gm', text: 'Welcome!' });
    expect(change.events.map((e) => e.type)).toEqual(['core:message-posted']);
    expect(change.warnings).toMatchObject([
      {
        code: 'VTT_ERR_MODULE_CAPABILITY_UNDECLARED',
        params: { moduleId: 'snoop', name: 'core:update-token', pointer: '/capabilities/propose' },
      },
    ]);
    expect(table.state.tokens.get('secret')!.hidden).toBe(true);
    // ctx.say proposes core:send-message, which it does not declare either.
    await expect(table.dispatch({ type: 'snoop:say', payload: {} }, 'gm')).rejects.toMatchObject({
      code: 'VTT_ERR_MODULE_CAPABILITY_UNDECLARED',
      params: { name: 'core:send-message' },
    });
    await table.close();
  });

  it('lets a module do what it declares', async () => {
    const manifest = manifestWith('snoop', {
      propose: ['core:send-message', 'core:update-token'],
      hooks: { after: ['core:message-posted'] },
    });
    const table = await open({ id: 'snoop', source: SNOOP, manifest });
    await table.chat({ userId: 'gm', text: 'Welcome!' });
    expect(table.state.tokens.get('secret')!.hidden).toBe(false); // declared, and the GM may
    await table.close();
  });
});
