import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Words, utf8Bytes } from './sha256.js';

describe('sha256', () => {
  it('matches the NIST FIPS 180-4 examples', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('agrees with node:crypto on every padding length and on non-ASCII text', () => {
    for (let length = 0; length < 130; length++) {
      const text = Array.from({ length }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join(
        '',
      );
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    for (const text of ['héllo wörld', '骰子 🎲 d20', '\u{1F600}x']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      expect(utf8Bytes(text)).toEqual([...Buffer.from(text, 'utf8')]);
    }
  });

  it('returns eight unsigned 32-bit words', () => {
    const words = sha256Words(utf8Bytes('abc'));
    expect(words).toHaveLength(8);
    expect(words[0]).toBe(0xba7816bf);
    expect(words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff)).toBe(true);
  });
});
