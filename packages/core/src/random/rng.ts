/**
 * The engine's seedable random number generator: xoshiro128** (Blackman and
 * Vigna), seeded through splitmix32. Its whole state is four 32-bit words, so
 * it serialises as JSON, crosses the sandbox boundary and replays exactly on
 * every platform (it uses only 32-bit integer arithmetic).
 */

/** The serialisable state of the xoshiro128** generator. */
export interface XoshiroRngState {
  readonly algorithm: 'xoshiro128**';
  readonly s: readonly [number, number, number, number];
}

/**
 * A generator with die faces queued in front (see {@link forceDice}): each
 * `below(n)` takes the next face, then the generator `then` goes on.
 */
export interface ForcedRngState {
  readonly algorithm: 'forced';
  readonly faces: readonly number[];
  readonly then: XoshiroRngState;
}

/** The serialisable state of an {@link Rng}. Secret: never sent to players. */
export type RngState = XoshiroRngState | ForcedRngState;

/** A seeded random source. Not cryptographically secure; auditable instead. */
export interface Rng {
  /** The next uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** A uniform integer in `[0, bound)`, without modulo bias. `bound` is 1..2^32. */
  below(bound: number): number;
  /** A uniform float in `[0, 1)` with 32 bits of precision. */
  nextFloat(): number;
  /** A snapshot of the current state; `createRng(rng.state())` continues the same sequence. */
  state(): RngState;
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/** Spreads a 32-bit seed over four well-mixed words (splitmix32). */
function splitmix32(seed: number): [number, number, number, number] {
  let x = seed >>> 0;
  const next = (): number => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [next(), next(), next(), next()];
}

/** FNV-1a over the UTF-16 code units of a string seed. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Creates a generator from a numeric or string seed, or resumes one from a
 * saved {@link RngState}. The same seed gives the same sequence everywhere.
 *
 * @example
 * const rng = createRng(42);
 * const face = 1 + rng.below(20); // a d20
 * const saved = rng.state();       // persist; createRng(saved) continues
 */
export function createRng(seed: number | string | RngState): Rng {
  if (typeof seed === 'object' && seed.algorithm === 'forced') return forcedRng(seed);
  const s: [number, number, number, number] =
    typeof seed === 'object'
      ? [seed.s[0] >>> 0, seed.s[1] >>> 0, seed.s[2] >>> 0, seed.s[3] >>> 0]
      : splitmix32(typeof seed === 'string' ? hashSeed(seed) : Math.trunc(seed));
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] = (s[2] ^ s[0]) >>> 0;
    s[3] = (s[3] ^ s[1]) >>> 0;
    s[1] = (s[1] ^ s[2]) >>> 0;
    s[0] = (s[0] ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl(s[3], 11);
    return result;
  };

  const below = (bound: number): number => {
    if (!Number.isInteger(bound) || bound < 1 || bound > 0x1_0000_0000) {
      throw new RangeError(`Rng.below expects an integer bound in 1..2^32, got ${bound}`);
    }
    // Rejection sampling: discard the top partial bucket so every value is equally likely.
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
    for (;;) {
      const x = nextUint32();
      if (x < limit) return x % bound;
    }
  };

  return {
    nextUint32,
    below,
    nextFloat: () => nextUint32() / 0x1_0000_0000,
    state: () => ({ algorithm: 'xoshiro128**', s: [s[0], s[1], s[2], s[3]] }),
  };
}

function forcedRng(state: ForcedRngState): Rng {
  const inner = createRng(state.then);
  const faces = [...state.faces];
  return {
    nextUint32: inner.nextUint32,
    nextFloat: inner.nextFloat,
    below(bound) {
      const face = faces.shift();
      if (face === undefined) return inner.below(bound);
      if (!Number.isInteger(face) || face < 1 || face > bound) {
        throw new RangeError(`The forced die face ${face} does not fit a die with ${bound} sides.`);
      }
      return face - 1;
    },
    state: () => {
      const then = inner.state() as XoshiroRngState;
      return faces.length > 0 ? { algorithm: 'forced', faces: [...faces], then } : then;
    },
  };
}

/**
 * Queues die faces in front of a generator: the next dice rolled with the
 * returned state show `faces` in order (a d20 then a d6: `[20, 4]`), then
 * the generator goes on as before. For tests of rules ("a natural 20
 * doubles the damage dice"); a face that does not fit the die rolled throws.
 *
 * @example
 * const rng = createRng(forceDice(createRng(1).state(), [20]));
 * roll('1d20', { rng }).total; // 20
 */
export function forceDice(state: RngState, faces: readonly number[]): RngState {
  const then = state.algorithm === 'forced' ? state.then : state;
  const queued = state.algorithm === 'forced' ? state.faces : [];
  return { algorithm: 'forced', faces: [...queued, ...faces], then };
}
