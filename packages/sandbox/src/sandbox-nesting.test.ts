import { compileQuickJsWasm } from './node-wasm.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPooledSandboxHost,
  createSandboxHost,
  type SandboxEvent,
  type SandboxHost,
  type SandboxInstance,
} from './index.js';
import { nodeWorkerSpawner } from './node-transport.js';

/**
 * Deep nesting reaches QuickJS's recursive parsers (code, JSON, RegExp). It
 * must end as the module's own stack-overflow error, counted towards
 * quarantine, never as an aborted WebAssembly instance.
 */
const NESTER = `
let calls = 0;
export function ok() { calls += 1; return calls; }
export function evalParens(n) { return eval('('.repeat(n) + '1' + ')'.repeat(n)); }
export function evalBrackets(n) { return (0, eval)('['.repeat(n) + ']'.repeat(n)).length; }
export function viaFunction(n) { return Function('return ' + '-('.repeat(n) + '1' + ')'.repeat(n))(); }
export function viaAsyncFunction(n) {
  const AsyncFunction = (async () => {}).constructor;
  return AsyncFunction('return ' + '('.repeat(n) + '1' + ')'.repeat(n))();
}
export function jsonParse(n) { return JSON.parse('['.repeat(n) + ']'.repeat(n)).length; }
export function regExp(n) { return new RegExp('(?:'.repeat(n) + 'a' + ')'.repeat(n)).test('a'); }
`;

const DEEP = 5_000;
const bracketBundle = (chars: number): string =>
  `export const x = ${'['.repeat(chars / 2)}${']'.repeat(chars / 2)};`;

describe.each([
  // The default worker: QuickJS's own stack check fires, the state is kept.
  ['a 16 MiB worker stack (the default)', undefined, false],
  // A small native stack, as in a browser's Web Worker: the engine's stack
  // runs out first; the instance is reset and reloaded.
  ['a 4 MiB worker stack', 4, true],
] as const)('deep nesting with %s', (_name, stackSizeMb, resets) => {
  let host: SandboxHost;
  let nester: SandboxInstance;
  const events: SandboxEvent[] = [];

  beforeAll(async () => {
    host =
      stackSizeMb === undefined
        ? await createSandboxHost({ workers: 1, onEvent: (e) => events.push(e) })
        : createPooledSandboxHost({
            workers: 1,
            wasmModule: await compileQuickJsWasm(),
            spawn: nodeWorkerSpawner({ stackSizeMb }),
            onEvent: (e) => events.push(e),
          });
    nester = await host.createInstance({
      key: 'table-1:nester',
      source: NESTER,
      limits: { quarantineAfter: 100 },
    });
  });

  afterAll(async () => {
    await host.close();
  });

  it('refuses a 20 KB bundle of nested brackets with the stack-overflow code', async () => {
    await expect(
      host.createInstance({ key: 'table-1:brackets', source: bracketBundle(20_000) }),
    ).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_STACK_OVERFLOW', params: { fn: '<load>' } });
    expect(events.some((e) => e.type === 'worker-replaced')).toBe(false);
    expect(host.get('table-1:brackets')).toBeUndefined();
  });

  it.each(['evalParens', 'evalBrackets', 'viaFunction', 'viaAsyncFunction'])(
    'turns %s of 5,000 nested brackets into a stack overflow; the next call works',
    async (fn) => {
      const before = ((await nester.call('ok')).value as number) + 1;
      await expect(nester.call(fn, DEEP)).rejects.toMatchObject({
        code: 'VTT_ERR_SANDBOX_STACK_OVERFLOW',
        params: { fn },
      });
      expect(nester.status()).toMatchObject({ state: 'ready', failuresInRow: 1 });
      // A reset instance starts over from its source; otherwise its state is kept.
      expect((await nester.call('ok')).value).toBe(resets ? 1 : before);
      expect(events.some((e) => e.type === 'worker-replaced')).toBe(false);
    },
  );

  it.each(['jsonParse', 'regExp'])(
    'turns %s of 100,000 nested levels into a stack overflow',
    async (fn) => {
      await expect(nester.call(fn, 100_000)).rejects.toMatchObject({
        code: 'VTT_ERR_SANDBOX_STACK_OVERFLOW',
      });
      expect((await nester.call('ok')).value).toEqual(expect.any(Number));
    },
  );

  it('still runs modest nesting', async () => {
    expect((await nester.call('evalParens', 500)).value).toBe(1);
    expect((await nester.call('jsonParse', 500)).value).toBe(1);
  });

  it('counts these failures towards quarantine', async () => {
    const counted = await host.createInstance({
      key: 'table-2:nester',
      source: NESTER,
      limits: { quarantineAfter: 2 },
    });
    await expect(counted.call('evalParens', DEEP)).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_STACK_OVERFLOW',
    });
    await expect(counted.call('evalBrackets', DEEP)).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_STACK_OVERFLOW',
    });
    expect(counted.status()).toMatchObject({
      state: 'quarantined',
      lastError: { code: 'VTT_ERR_SANDBOX_STACK_OVERFLOW' },
    });
  });
});
