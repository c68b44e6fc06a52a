/**
 * The testing seam for forced dice (as boardgame.io's `mock-random`): faces
 * queued in front of a real generator, held by the test harness, never in
 * the table's state.
 */
import type { Rng } from './rng.js';

/**
 * Wraps `inner` so that each `below(n)` first takes the next face of
 * `faces` (1-based, removed from the array as it is used), then draws from
 * `inner` again. Floats and raw words always come from `inner`. A face that
 * does not fit the die throws a RangeError. For tests and replays only:
 * `state()` is `inner`'s, so no forced face is ever saved.
 *
 * @example
 * const queue = [20];
 * roll('1d20', { rng: withForcedFaces(createRng(1), queue) }).total; // 20; queue is now []
 */
export function withForcedFaces(inner: Rng, faces: number[]): Rng {
  let used = 0;
  return {
    forcedUsed: () => used,
    stream: inner.stream,
    position: () => inner.position(),
    nextUint32: () => inner.nextUint32(),
    nextFloat: () => inner.nextFloat(),
    state: () => inner.state(),
    below(bound) {
      const face = faces.shift();
      if (face === undefined) return inner.below(bound);
      if (!Number.isInteger(face) || face < 1 || face > bound) {
        throw new RangeError(`The forced die face ${face} does not fit a die with ${bound} sides.`);
      }
      used++;
      return face - 1;
    },
  };
}
