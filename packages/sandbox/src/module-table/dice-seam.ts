/**
 * The table host's test seam for dice (as boardgame.io's `mock-random`):
 * forced faces live here, in the harness, and never in the table's state.
 * Also the source of fresh session seeds.
 */
import { createRng, withForcedFaces, type Rng, type TableState } from '@vtt/core';

/** Forced faces queued by a test harness, for guests and for core's own rolls alike. */
export interface DiceSeam {
  /** Queues faces for the next dice rolled at the table. */
  force(faces: readonly number[]): void;
  /** The per-call option for the sandbox: the queued faces, if any. */
  callOptions(): { readonly forced?: readonly number[] };
  /** Drops the `count` faces a call used. */
  used(count: number): void;
  /** The generator for core's `decide`: the table's, behind the queued faces; undefined when none are queued. */
  coreRng(state: TableState): Rng | undefined;
}

/** Creates an empty seam: with nothing forced it changes nothing. */
export function createDiceSeam(): DiceSeam {
  const queue: number[] = [];
  return {
    force: (faces) => {
      queue.push(...faces);
    },
    callOptions: () => (queue.length > 0 ? { forced: [...queue] } : {}),
    used: (count) => {
      queue.splice(0, count);
    },
    coreRng: (state) =>
      queue.length > 0 ? withForcedFaces(createRng(state.rng), queue) : undefined,
  };
}

/**
 * A fresh secret session seed: 32 bytes from the platform's cryptographic
 * source (`crypto.getRandomValues`, in Node 20, browsers and workers), as
 * 64 hex digits.
 */
export function cryptoSeed(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
