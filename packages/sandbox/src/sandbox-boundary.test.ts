import { createRng } from '@vtt/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxHost, type SandboxHost, type SandboxInstance } from './index.js';

const PROBE = `
export function globals() {
  const viaEval = (0, eval)('[typeof process, typeof require]');
  const viaFunction = Function('return [typeof process, typeof fetch]')();
  const viaConstructor = (() => {}).constructor('return typeof setTimeout')();
  return {
    require: typeof require, process: typeof process, fetch: typeof fetch,
    setTimeout: typeof setTimeout, WebAssembly: typeof WebAssembly, console: typeof console,
    viaEval, viaFunction, viaConstructor,
  };
}
export function draw() { return { r: Math.random(), i: sandbox.randomInt(20), d: sandbox.roll('1d20'), now: Date.now(), date: new Date().getTime() }; }
export function badRoll() { try { sandbox.roll('2d'); return 'rolled'; } catch (e) { return e.code; } }
export function floats(n) { const out = []; for (let i = 0; i < n; i++) out.push(Math.random()); return out; }
export function echo(arg) { return arg; }
export async function later(x) { await null; return x * 2; }
export function getterThrows() { return { get secret() { throw new Error('no'); } }; }
export function getterLoops() { return { get slow() { for (;;) {} } }; }
export function cycle() { const a = {}; a.self = a; return a; }
export function huge() { return 'x'.repeat(50 * 1024 * 1024); }
export function hugeNested() { return { text: 'x'.repeat(50 * 1024 * 1024) }; }
export function big() { return 'y'.repeat(2 * 1024 * 1024); }
export function pollute() { return JSON.parse('{"__proto__": {"polluted": true}, "ok": 1, "nested": {"__proto__": {"polluted": true}}}'); }
export function fn() { return () => 1; }
export function bigint() { return 1n; }
export function nothing() {}
export function never() { return new Promise(() => {}); }
export function throws() { const e = new TypeError('bad input'); throw e; }
export function rejects() { return Promise.reject(new RangeError('out of range')); }
export default { viaDefault(x) { return x + 1; } };
`;

describe('sandbox boundary: globals, determinism and JSON in and out', () => {
  let host: SandboxHost;
  let probe: SandboxInstance;

  beforeAll(async () => {
    host = await createSandboxHost({ workers: 1 });
    probe = await host.createInstance({ key: 'table-1:probe', source: PROBE, seed: 7 });
  });

  afterAll(async () => {
    await host.close();
  });

  it('exposes no require, process, fetch, setTimeout, WebAssembly or console, also through eval', async () => {
    const { value } = await probe.call('globals');
    expect(value).toEqual({
      require: 'undefined',
      process: 'undefined',
      fetch: 'undefined',
      setTimeout: 'undefined',
      WebAssembly: 'undefined',
      console: 'undefined',
      viaEval: ['undefined', 'undefined'],
      viaFunction: ['undefined', 'undefined'],
      viaConstructor: 'undefined',
    });
  });

  it('draws dice from the dice stream, recorded, and Math.random from the module stream', async () => {
    const rng = createRng('audit').state();
    const first = await probe.call('draw', null, { rng, now: 1_700_000_000_000 });
    const again = await probe.call('draw', null, { rng, now: 1_700_000_000_000 });
    expect(again.value).toEqual(first.value);
    expect(first.value).toMatchObject({ now: 1_700_000_000_000, date: 1_700_000_000_000 });
    const random = createRng(rng, 'module:table-1:probe');
    const dice = createRng(rng);
    const value = first.value as { r: number; i: number; d: { total: number; id: string } };
    expect(value.r).toBe(random.nextFloat());
    expect(value.i).toBe(random.below(20));
    const face = dice.below(20) + 1;
    expect(value.d).toMatchObject({
      total: face,
      id: 'dice@0',
      draws: [{ sides: 20, value: face }],
    });
    expect(first.rolls).toEqual([
      {
        id: 'dice@0',
        stream: 'dice',
        position: 0,
        notation: '1d20',
        total: face,
        draws: [{ sides: 20, value: face }],
      },
    ]);
    expect(first.rng).toEqual({ ...dice.state(), streams: { 'module:table-1:probe': 2 } });
    const next = await probe.call('draw', null, { now: 0 });
    expect(next.value).not.toEqual(first.value);
  });

  it('gives Math.random outputs that are not the dice stream, and refuses bad notation with its code', async () => {
    const rng = createRng('audit').state();
    const { value } = await probe.call('floats', 32, { rng });
    const dice = createRng(rng);
    const diceFloats = Array.from({ length: 32 }, () => dice.nextFloat());
    expect((value as number[]).filter((f) => diceFloats.includes(f))).toEqual([]);
    expect((await probe.call('badRoll', null, { rng })).value).toBe('VTT_ERR_DICE_SYNTAX');
  });

  it('serves forced faces to the dice only, and says how many it used', async () => {
    const rng = createRng('audit').state();
    const forced = await probe.call('draw', null, { rng, forced: [17, 3] });
    expect((forced.value as { d: { total: number } }).d.total).toBe(17);
    expect(forced.forcedUsed).toBe(1);
    expect(forced.rolls[0]).toMatchObject({ stream: 'forced', total: 17 });
    // The forced face drew nothing from the generator, and no face is left in the state.
    expect(forced.rng).toEqual({ ...rng, streams: { 'module:table-1:probe': 2 } }); // no face in the state
  });

  it('draws nothing from a session whose seed was revealed', async () => {
    const rng = { ...createRng('audit').state(), revealed: true as const };
    await expect(probe.call('draw', null, { rng })).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
    });
  });

  it('passes JSON in and out, awaits async functions and finds methods of the default export', async () => {
    const arg = { name: 'Goblin', hp: [7, 2], tags: { hidden: true }, nil: null };
    expect((await probe.call('echo', arg)).value).toEqual(arg);
    expect((await probe.call('later', 21)).value).toBe(42);
    expect((await probe.call('viaDefault', 1)).value).toBe(2);
    expect((await probe.call('nothing')).value).toBeNull();
  });

  it.each([
    ['getterThrows', 'VTT_ERR_SANDBOX_RESULT_NOT_JSON'],
    ['cycle', 'VTT_ERR_SANDBOX_RESULT_NOT_JSON'],
    ['fn', 'VTT_ERR_SANDBOX_RESULT_NOT_JSON'],
    ['bigint', 'VTT_ERR_SANDBOX_RESULT_NOT_JSON'],
    ['big', 'VTT_ERR_SANDBOX_RESULT_TOO_LARGE'],
    ['getterLoops', 'VTT_ERR_SANDBOX_TIMEOUT'],
    ['never', 'VTT_ERR_SANDBOX_NEVER_SETTLED'],
  ])('rejects the hostile return value of %s with %s and keeps serving', async (fn, code) => {
    await expect(probe.call(fn)).rejects.toMatchObject({ code });
    expect((await probe.call('echo', 'still here')).value).toBe('still here');
  });

  it('refuses 50 MB strings: too large by length, or out of memory when serialising them', async () => {
    // A generous CPU budget so that only the size and memory limits decide, even on a busy machine.
    const capped = await host.createInstance({
      key: 'table-1:capped',
      source: PROBE,
      limits: { cpuMs: 5_000 },
    });
    await expect(capped.call('huge')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_RESULT_TOO_LARGE',
      params: { length: 50 * 1024 * 1024 + 2 },
    });
    await expect(capped.call('hugeNested')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MEMORY',
    });
    expect((await capped.call('echo', 'works again')).value).toBe('works again');
    const roomy = await host.createInstance({
      key: 'table-1:roomy',
      source: PROBE,
      limits: { memoryBytes: 256 * 1024 * 1024, cpuMs: 5_000 },
    });
    await expect(roomy.call('hugeNested')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_RESULT_TOO_LARGE',
    });
    await Promise.all([capped.dispose(), roomy.dispose()]);
    expect((await probe.call('echo', 1)).value).toBe(1);
  });

  it('parses results into plain objects: __proto__ keys are dropped, nothing is polluted', async () => {
    const { value } = await probe.call('pollute');
    expect(value).toEqual({ ok: 1, nested: {} });
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.assign({}, value)).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports a thrown error or a rejection with the guest message and stack', async () => {
    await expect(probe.call('throws')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
      params: {
        guestName: 'TypeError',
        guestMessage: 'bad input',
        guestStack: expect.stringContaining('throws'),
      },
    });
    await expect(probe.call('rejects')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
      params: { guestName: 'RangeError', guestMessage: 'out of range' },
    });
  });

  it('checks arguments on the host: cycles and oversize JSON never reach the worker', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    await expect(probe.call('echo', cyclic as never)).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_ARG_NOT_JSON',
    });
    await expect(probe.call('echo', 'z'.repeat(2 * 1024 * 1024))).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_ARG_TOO_LARGE',
    });
    await expect(probe.call('missing')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_NO_SUCH_FUNCTION',
    });
    await expect(probe.call('constructor')).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_NO_SUCH_FUNCTION',
    });
  });

  it('rejects bad bundles and bad options when loading', async () => {
    await expect(
      host.createInstance({ key: 'bad:syntax', source: 'export function (' }),
    ).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
      params: { guestName: 'SyntaxError' },
    });
    await expect(
      host.createInstance({ key: 'bad:top', source: 'for (;;) {}' }),
    ).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_TIMEOUT',
    });
    await expect(
      host.createInstance({ key: 'bad:import', source: 'import x from "fs"; export const y = x;' }),
    ).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_MODULE_THREW',
    });
    await expect(
      host.createInstance({ key: 'table-1:probe', source: PROBE }),
    ).rejects.toMatchObject({
      code: 'VTT_ERR_SANDBOX_KEY_IN_USE',
    });
    await expect(
      host.createInstance({ key: 'bad:stack', source: PROBE, limits: { stackBytes: 1024 * 1024 } }),
    ).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_BAD_LIMIT', params: { name: 'stackBytes' } });
    await expect(
      host.createInstance({
        key: 'bad:size',
        source: 'x'.repeat(100),
        limits: { maxSourceChars: 10 },
      }),
    ).rejects.toMatchObject({ code: 'VTT_ERR_SANDBOX_SOURCE_TOO_LARGE' });
    expect(host.get('bad:syntax')).toBeUndefined();
    expect(
      (await host.createInstance({ key: 'bad:syntax', source: 'export const f = () => 1;' })).key,
    ).toBe('bad:syntax');
  });
});
