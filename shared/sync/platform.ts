/**
 * The platform services sync needs: WebCrypto and gzip. Both are web standards present in the
 * renderer (Chromium) and in Node 20 as globals, so the same code runs on a desk and in tests.
 * They are typed here, narrowly, because shared/ compiles without DOM or Node types; anything
 * else reaches them through `webPlatform()`. Never hand-rolled crypto: every primitive below is
 * the platform's own (AES-256-GCM, HKDF-SHA-256, PBKDF2-SHA-256, SHA-256, CSPRNG).
 */

/** An opaque WebCrypto key handle. */
export interface CryptoKeyHandle {
  readonly type: string;
}

type Bytes = Uint8Array;

export interface SubtleLike {
  importKey(
    format: 'raw',
    keyData: Bytes,
    algorithm: string | { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKeyHandle>;
  deriveBits(
    algorithm: { name: 'PBKDF2'; hash: 'SHA-256'; salt: Bytes; iterations: number },
    baseKey: CryptoKeyHandle,
    length: number,
  ): Promise<ArrayBuffer>;
  deriveKey(
    algorithm: { name: 'HKDF'; hash: 'SHA-256'; salt: Bytes; info: Bytes },
    baseKey: CryptoKeyHandle,
    derivedKeyType: { name: 'AES-GCM'; length: 256 },
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKeyHandle>;
  encrypt(algorithm: { name: 'AES-GCM'; iv: Bytes; additionalData?: Bytes }, key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
  decrypt(algorithm: { name: 'AES-GCM'; iv: Bytes; additionalData?: Bytes }, key: CryptoKeyHandle, data: Bytes): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Bytes): Promise<ArrayBuffer>;
}

export interface SyncPlatform {
  subtle: SubtleLike;
  randomBytes(length: number): Uint8Array;
  gzip(data: Uint8Array): Promise<Uint8Array>;
  gunzip(data: Uint8Array): Promise<Uint8Array>;
}

// The shapes of the globals used, as seen without DOM/Node type libraries.
interface StreamPair {
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> } };
  readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> } };
}
interface WebGlobals {
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(b: Uint8Array): string };
  crypto: { subtle: SubtleLike; getRandomValues(array: Uint8Array): Uint8Array };
  CompressionStream: new (format: 'gzip') => StreamPair;
  DecompressionStream: new (format: 'gzip') => StreamPair;
}

async function transform(stream: StreamPair, data: Uint8Array): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Write and read at once: awaiting the write first would stall on back-pressure for large inputs.
  const writing = writer.write(data).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value) {
        chunks.push(value);
        total += value.length;
      }
    }
  } finally {
    await writing.catch(() => undefined);
  }
  await writing;
  return concatBytes(chunks, total);
}

/** The platform of this process (renderer or Node): global WebCrypto and CompressionStream. */
export function webPlatform(): SyncPlatform {
  const g = globalThis as unknown as WebGlobals;
  return {
    subtle: g.crypto.subtle,
    randomBytes: (length) => g.crypto.getRandomValues(new Uint8Array(length)),
    gzip: (data) => transform(new g.CompressionStream('gzip'), data),
    gunzip: (data) => transform(new g.DecompressionStream('gzip'), data),
  };
}

// ---- bytes ----

export function concatBytes(parts: readonly Uint8Array[], total = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const textGlobals = globalThis as unknown as WebGlobals;
const encoder = new textGlobals.TextEncoder();
const decoder = new textGlobals.TextDecoder('utf-8', { fatal: true });
export const utf8 = (s: string): Uint8Array => encoder.encode(s);
/** Throws on invalid UTF-8 (a damaged file must not decode to something plausible). */
export const fromUtf8 = (b: Uint8Array): string => decoder.decode(b);

export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export async function sha256Hex(platform: SyncPlatform, data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await platform.subtle.digest('SHA-256', data)));
}
