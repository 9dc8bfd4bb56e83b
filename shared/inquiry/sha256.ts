import { sha256 } from '@noble/hashes/sha2.js';

/**
 * SHA-256, synchronous: the chain links of a desk's own events are computed inside the write transaction that
 * stores them (eventStore.ts). WebCrypto's digest is asynchronous, and waiting on anything but the database there
 * costs the transaction extra round trips to keep it open (Dexie.waitFor). So the digest comes from a well-kept,
 * audited library (@noble/hashes), never written by hand; sha256.test.ts holds it to WebCrypto's digest.
 */
export function sha256Sync(data: Uint8Array): Uint8Array {
  return sha256(data);
}
