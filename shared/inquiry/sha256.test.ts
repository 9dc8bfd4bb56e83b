import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Sync } from './sha256';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const web = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(data)));

describe('sha256Sync', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    const utf8 = (s: string) => new TextEncoder().encode(s);
    expect(hex(sha256Sync(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256Sync(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256Sync(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('equals WebCrypto for any bytes, across the block and padding boundaries', async () => {
    for (const n of [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4097]) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
      expect(hex(sha256Sync(data))).toBe(hex(await web(data)));
    }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (data) => {
        expect(hex(sha256Sync(data))).toBe(hex(await web(data)));
      }),
      { numRuns: 200 },
    );
  });
});
