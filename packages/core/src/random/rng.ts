/**
 * The table's random generator: ChaCha20 (RFC 8439) keyed with the dice
 * session's seed. Its outputs reveal nothing about the key or about later
 * outputs, so players who see every roll cannot predict the next one; and
 * once the seed is revealed, anyone can re-derive every draw of the session.
 *
 * A generator reads one named stream of the seed: `dice` for every die of
 * the table, `module:<key>` for a module's `Math.random()`. Streams use
 * different nonces, so outputs of one say nothing about another.
 */
import { VttError } from '../errors/vtt-error.js';
import { bytesToWordsLE, chacha20Block } from './chacha20.js';
import { hexToBytes, sha256Hex, sha256Words, utf8Bytes } from './sha256.js';

/** The stream every die of the table is drawn from. */
export const DICE_STREAM = 'dice';

/**
 * The serialisable state of the table's randomness. Secret: it holds the
 * seed, which predicts every roll of the session, so it is server-only data
 * and never part of any view or projected event.
 */
export interface RngState {
  readonly algorithm: 'chacha20';
  /** The session seed: 64 hex digits, the 256-bit ChaCha20 key. */
  readonly seed: string;
  /** 32-bit words drawn so far from the `dice` stream. */
  readonly position: number;
  /** Words drawn so far from other streams (a module's `Math.random()`), by stream name. */
  readonly streams: Readonly<Record<string, number>>;
  /** Set once the seed was revealed (`core:end-session`): drawing more throws. */
  readonly revealed?: true;
}

/** A seeded random source over one stream of an {@link RngState}. */
export interface Rng {
  /** The stream this generator reads. */
  readonly stream: string;
  /** Words drawn so far from the stream: where the next draw starts. */
  position(): number;
  /** The next uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number;
  /** A uniform integer in `[0, bound)`, without modulo bias. `bound` is 1..2^32. */
  below(bound: number): number;
  /** A uniform float in `[0, 1)` with 32 bits of precision. */
  nextFloat(): number;
  /** A snapshot of the whole state with this stream's new position; `createRng(rng.state())` continues. */
  state(): RngState;
  /** Testing seam only (`withForcedFaces`): how many forced faces this generator served. */
  readonly forcedUsed?: () => number;
}

const HEX_SEED = /^[0-9a-f]{64}$/;

/**
 * The 64-hex-digit session seed for any seed: a 64-hex-digit string is used
 * as it is (lower-cased); anything else (a test's `1`, `'campaign-7'`) is
 * hashed to one with SHA-256.
 *
 * @example
 * normalizeSeed(1); // sha256Hex('1')
 */
export function normalizeSeed(seed: number | string): string {
  const text = String(seed);
  const lower = text.toLowerCase();
  return HEX_SEED.test(lower) ? lower : sha256Hex(text);
}

/**
 * The public commitment to a seed: the SHA-256 of its 64 hex digits (as
 * ASCII text), in hex. Published when a session starts; checking it against
 * the seed revealed at the end proves the seed was not changed in between.
 *
 * @example
 * seedCommitment(seed) === sha256Hex(seed); // printf %s "$seed" | sha256sum
 */
export function seedCommitment(seed: number | string): string {
  return sha256Hex(normalizeSeed(seed));
}

/** The ChaCha20 nonce of a stream: zero for `dice`, else the first 96 bits of SHA-256(`vtt-stream:<name>`). */
function streamNonce(stream: string): number[] {
  if (stream === DICE_STREAM) return [0, 0, 0];
  return sha256Words(utf8Bytes(`vtt-stream:${stream}`)).slice(0, 3);
}

/**
 * Creates a generator over `stream` (default `dice`) from a seed or from a
 * saved {@link RngState}. The same seed gives the same sequence everywhere.
 *
 * @example
 * const rng = createRng(42);
 * const face = 1 + rng.below(20); // a d20
 * const saved = rng.state();       // persist; createRng(saved) continues
 */
export function createRng(seed: number | string | RngState, stream: string = DICE_STREAM): Rng {
  const base: RngState =
    typeof seed === 'object'
      ? seed
      : { algorithm: 'chacha20', seed: normalizeSeed(seed), position: 0, streams: {} };
  if (base.algorithm !== 'chacha20' || !HEX_SEED.test(base.seed)) {
    throw new VttError('VTT_ERR_DICE_RNG_STATE', { algorithm: String(base.algorithm) });
  }
  const key = bytesToWordsLE(hexToBytes(base.seed));
  const nonce = streamNonce(stream);
  const start = stream === DICE_STREAM ? base.position : (base.streams[stream] ?? 0);
  return new ChaChaRng(base, stream, key, nonce, start);
}

/** A class: one is created per roll on the hot path, and this is the cheapest shape. */
class ChaChaRng implements Rng {
  private readonly block: number[] = new Array<number>(16);
  private blockIndex = -1;

  constructor(
    private readonly base: RngState,
    readonly stream: string,
    private readonly key: readonly number[],
    private readonly nonce: readonly number[],
    private at: number,
  ) {}

  position(): number {
    return this.at;
  }

  nextUint32(): number {
    if (this.base.revealed) throw new VttError('VTT_ERR_DICE_SESSION_ENDED', {});
    const index = Math.floor(this.at / 16);
    if (index !== this.blockIndex) {
      chacha20Block(this.key, index, this.nonce, this.block);
      this.blockIndex = index;
    }
    return this.block[this.at++ % 16]!;
  }

  below(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > 0x1_0000_0000) {
      throw new RangeError(`Rng.below expects an integer bound in 1..2^32, got ${bound}`);
    }
    // Rejection sampling: discard the top partial bucket so every value is equally likely.
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % bound;
    }
  }

  nextFloat(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  state(): RngState {
    if (this.stream === DICE_STREAM) return { ...this.base, position: this.at };
    return { ...this.base, streams: { ...this.base.streams, [this.stream]: this.at } };
  }
}
