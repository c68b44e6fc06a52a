import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToWordsLE, chacha20Block } from './chacha20.js';

const block = (key: number[], counter: number, nonce: number[]) =>
  chacha20Block(key, counter, nonce, new Array<number>(16));

describe('chacha20Block', () => {
  it('matches RFC 8439 section 2.3.2', () => {
    const key = bytesToWordsLE(Array.from({ length: 32 }, (_, i) => i));
    const nonce = bytesToWordsLE([0, 0, 0, 9, 0, 0, 0, 0x4a, 0, 0, 0, 0]);
    expect(block(key, 1, nonce)).toEqual([
      0xe4e7f110, 0x15593bd1, 0x1fdd0f50, 0xc47120a3, 0xc7f4d1c7, 0x0368c033, 0x9aaa2204,
      0x4e6cd4c3, 0x466482d2, 0x09aa9f07, 0x05d7c214, 0xa2028bd9, 0xd19c12b5, 0xb94e16de,
      0xe883d0cb, 0x4e3c50a2,
    ]);
  });

  it('matches RFC 8439 appendix A.1, test vector 1 (all-zero key, nonce and counter)', () => {
    const zero = new Array<number>(8).fill(0);
    expect(block(zero, 0, [0, 0, 0])).toEqual([
      0xade0b876, 0x903df1a0, 0xe56a5d40, 0x28bd8653, 0xb819d2bd, 0x1aed8da0, 0xccef36a8,
      0xc70d778b, 0x7c5941da, 0x8d485751, 0x3fe02477, 0x374ad8b8, 0xf4b8436a, 0x1ca11815,
      0x69b687c3, 0x8665eeb2,
    ]);
  });

  it('agrees with the keystream of node:crypto chacha20 on random keys, counters and nonces', () => {
    let x = 12345;
    const byte = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
    for (let trial = 0; trial < 20; trial++) {
      const keyBytes = Array.from({ length: 32 }, byte);
      const ivBytes = Array.from({ length: 16 }, byte); // counter (LE) then nonce, as OpenSSL takes it
      const cipher = createCipheriv('chacha20', Buffer.from(keyBytes), Buffer.from(ivBytes));
      const stream = cipher.update(Buffer.alloc(64));
      const iv = bytesToWordsLE(ivBytes);
      expect(block(bytesToWordsLE(keyBytes), iv[0]!, iv.slice(1))).toEqual(
        bytesToWordsLE([...stream]),
      );
    }
  });
});
