/**
 * The ChaCha20 block function of RFC 8439 (section 2.3) in pure 32-bit
 * JavaScript: no typed-array or Node API is needed, so it runs the same in
 * Node, browsers and QuickJS.
 */

const C0 = 0x61707865;
const C1 = 0x3320646e;
const C2 = 0x79622d32;
const C3 = 0x6b206574;

/**
 * Computes one 64-byte ChaCha20 block as sixteen 32-bit words (the words of
 * the RFC's serialised block, little-endian), writing them into `out`.
 *
 * @param key eight 32-bit words (the 256-bit key, little-endian words)
 * @param counter the 32-bit block counter
 * @param nonce three 32-bit words (the 96-bit nonce, little-endian words)
 * @example
 * const out = new Array<number>(16);
 * chacha20Block(key, 1, [0x09000000, 0x4a000000, 0], out); // RFC 8439, 2.3.2
 */
export function chacha20Block(
  key: readonly number[],
  counter: number,
  nonce: readonly number[],
  out: number[],
): number[] {
  // prettier-ignore
  const k0 = key[0]! | 0, k1 = key[1]! | 0, k2 = key[2]! | 0, k3 = key[3]! | 0;
  // prettier-ignore
  const k4 = key[4]! | 0, k5 = key[5]! | 0, k6 = key[6]! | 0, k7 = key[7]! | 0;
  // prettier-ignore
  const n0 = nonce[0]! | 0, n1 = nonce[1]! | 0, n2 = nonce[2]! | 0;
  const ctr = counter | 0;
  // prettier-ignore
  let x0 = C0, x1 = C1, x2 = C2, x3 = C3;
  // prettier-ignore
  let x4 = k0, x5 = k1, x6 = k2, x7 = k3, x8 = k4, x9 = k5, x10 = k6, x11 = k7;
  // prettier-ignore
  let x12 = ctr, x13 = n0, x14 = n1, x15 = n2;
  // prettier-ignore
  for (let i = 0; i < 10; i++) {
    // column rounds
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 16) | (x12 >>> 16);
    x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 12) | (x4 >>> 20);
    x0 = (x0 + x4) | 0; x12 ^= x0; x12 = (x12 << 8) | (x12 >>> 24);
    x8 = (x8 + x12) | 0; x4 ^= x8; x4 = (x4 << 7) | (x4 >>> 25);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 16) | (x13 >>> 16);
    x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 12) | (x5 >>> 20);
    x1 = (x1 + x5) | 0; x13 ^= x1; x13 = (x13 << 8) | (x13 >>> 24);
    x9 = (x9 + x13) | 0; x5 ^= x9; x5 = (x5 << 7) | (x5 >>> 25);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 16) | (x14 >>> 16);
    x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 12) | (x6 >>> 20);
    x2 = (x2 + x6) | 0; x14 ^= x2; x14 = (x14 << 8) | (x14 >>> 24);
    x10 = (x10 + x14) | 0; x6 ^= x10; x6 = (x6 << 7) | (x6 >>> 25);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 16) | (x15 >>> 16);
    x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 12) | (x7 >>> 20);
    x3 = (x3 + x7) | 0; x15 ^= x3; x15 = (x15 << 8) | (x15 >>> 24);
    x11 = (x11 + x15) | 0; x7 ^= x11; x7 = (x7 << 7) | (x7 >>> 25);
    // diagonal rounds
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 16) | (x15 >>> 16);
    x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 12) | (x5 >>> 20);
    x0 = (x0 + x5) | 0; x15 ^= x0; x15 = (x15 << 8) | (x15 >>> 24);
    x10 = (x10 + x15) | 0; x5 ^= x10; x5 = (x5 << 7) | (x5 >>> 25);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 16) | (x12 >>> 16);
    x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 12) | (x6 >>> 20);
    x1 = (x1 + x6) | 0; x12 ^= x1; x12 = (x12 << 8) | (x12 >>> 24);
    x11 = (x11 + x12) | 0; x6 ^= x11; x6 = (x6 << 7) | (x6 >>> 25);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 16) | (x13 >>> 16);
    x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 12) | (x7 >>> 20);
    x2 = (x2 + x7) | 0; x13 ^= x2; x13 = (x13 << 8) | (x13 >>> 24);
    x8 = (x8 + x13) | 0; x7 ^= x8; x7 = (x7 << 7) | (x7 >>> 25);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 16) | (x14 >>> 16);
    x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 12) | (x4 >>> 20);
    x3 = (x3 + x4) | 0; x14 ^= x3; x14 = (x14 << 8) | (x14 >>> 24);
    x9 = (x9 + x14) | 0; x4 ^= x9; x4 = (x4 << 7) | (x4 >>> 25);
  }
  out[0] = (x0 + C0) >>> 0;
  out[1] = (x1 + C1) >>> 0;
  out[2] = (x2 + C2) >>> 0;
  out[3] = (x3 + C3) >>> 0;
  out[4] = (x4 + k0) >>> 0;
  out[5] = (x5 + k1) >>> 0;
  out[6] = (x6 + k2) >>> 0;
  out[7] = (x7 + k3) >>> 0;
  out[8] = (x8 + k4) >>> 0;
  out[9] = (x9 + k5) >>> 0;
  out[10] = (x10 + k6) >>> 0;
  out[11] = (x11 + k7) >>> 0;
  out[12] = (x12 + ctr) >>> 0;
  out[13] = (x13 + n0) >>> 0;
  out[14] = (x14 + n1) >>> 0;
  out[15] = (x15 + n2) >>> 0;
  return out;
}

/** Little-endian 32-bit words of bytes (a multiple of 4 of them), as the RFC reads keys and nonces. */
export function bytesToWordsLE(bytes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    out.push(
      (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)) >>> 0,
    );
  }
  return out;
}
