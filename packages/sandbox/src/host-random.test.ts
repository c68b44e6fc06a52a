import { createRng, type RngState } from '@vtt/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX_LIMITS } from './limits.js';
import { compileQuickJsWasm } from './node-wasm.js';
import { prepareQuickJsGuest } from './quickjs-guest.js';

const GUEST = `
export function play() {
  const out = [];
  for (let i = 0; i < 200; i++) out.push(Math.random(), sandbox.randomInt(1000));
  for (let i = 0; i < 50; i++) out.push(sandbox.roll('4d6kh3 + 1d20').total);
  return out.length;
}
let kept = null;
export function keep(text) { kept = text + ''; return kept.length; }`;

/** Every `WebAssembly.Memory` made while `run` runs: the guest's own memory among them. */
async function capturingMemories<T>(
  run: () => Promise<T>,
): Promise<{ value: T; memories: WebAssembly.Memory[] }> {
  const Real = WebAssembly.Memory;
  const memories: WebAssembly.Memory[] = [];
  const Capturing = function (descriptor: WebAssembly.MemoryDescriptor) {
    const memory = new Real(descriptor);
    memories.push(memory);
    return memory;
  } as unknown as typeof WebAssembly.Memory;
  Capturing.prototype = Real.prototype;
  WebAssembly.Memory = Capturing;
  try {
    return { value: await run(), memories };
  } finally {
    WebAssembly.Memory = Real;
  }
}

const contains = (haystack: Uint8Array, needle: Uint8Array): boolean => {
  outer: for (
    let i = haystack.indexOf(needle[0]!);
    i !== -1;
    i = haystack.indexOf(needle[0]!, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

describe('the guest never holds the key', () => {
  let dispose: (() => void) | undefined;
  afterEach(() => dispose?.());

  it('leaves neither the seed text nor the key bytes in the guest WebAssembly memory after dice and Math.random', async () => {
    const wasmModule = await compileQuickJsWasm();
    const { value: loaded, memories } = await capturingMemories(() =>
      prepareQuickJsGuest({ key: 't1:probe', limits: DEFAULT_SANDBOX_LIMITS, wasmModule }).then(
        (prepared) => prepared.evaluate(GUEST),
      ),
    );
    if (!loaded.ok) throw new Error(loaded.failure.code);
    dispose = () => loaded.guest.dispose();
    const rng: RngState = createRng('secret-session').state();
    const outcome = loaded.guest.call({ fn: 'play', argJson: 'null', now: 0, rng });
    expect(outcome.ok).toBe(true);
    expect(memories.length).toBeGreaterThan(0);
    const seedText = new TextEncoder().encode(rng.seed);
    const keyBytes = Uint8Array.from(rng.seed.match(/../g)!.map((h) => parseInt(h, 16)));
    for (const memory of memories) {
      const bytes = new Uint8Array(memory.buffer);
      expect(contains(bytes, seedText)).toBe(false);
      expect(contains(bytes, keyBytes)).toBe(false);
    }
    // The scan finds what is there: a string the guest keeps is in its memory.
    const marker = loaded.guest.call({ fn: 'keep', argJson: '"needle-5c1e"', now: 0, rng });
    expect(marker.ok).toBe(true);
    expect(
      memories.some((m) =>
        contains(new Uint8Array(m.buffer), new TextEncoder().encode('needle-5c1e')),
      ),
    ).toBe(true);
  });
});
