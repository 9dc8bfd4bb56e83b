import { type CryptoKeyHandle, concatBytes, fromUtf8, type SyncPlatform, utf8 } from './platform';

/**
 * The encrypted file format for everything on the share except SHARE.json and the keyring
 * (docs/sync.md "File format"). A streaming AEAD in the style of Tink's and age's STREAM:
 *
 *   header  = magic "LLSY" | format u8 | kind u8 | keyId u16 | chunkSize u32 | salt[16] | nameLen u16 | name
 *   chunk_i = AES-256-GCM(fileKey, nonce_i, plaintext_i, aad = header | i u32 | final u8)
 *   fileKey = HKDF-SHA-256(dataKey, salt, "liaison-log/sync/file/v1")
 *   nonce_i = i u32 | final u8 | 0[7]
 *
 * Every file gets its own key from a random salt, so the counter nonces never repeat under a key.
 * The header (with the file's own name: device id and sequence number) is authenticated by
 * every chunk, and the chunk index and final flag are in both nonce and AAD: a truncated file
 * (no final chunk), reordered or spliced chunks, a changed header, and a file copied or renamed
 * to another name all fail to open. Damage is reported, never repaired into something plausible.
 */

export const FILE_FORMAT = 1;
const MAGIC = [0x4c, 0x4c, 0x53, 0x59]; // "LLSY"
const SALT_LENGTH = 16;
const FIXED_HEADER = 4 + 1 + 1 + 2 + 4 + SALT_LENGTH + 2;
const TAG = 16;
export const DEFAULT_CHUNK_SIZE = 256 * 1024;
const HKDF_INFO = utf8('liaison-log/sync/file/v1');

export const FILE_KINDS = { segment: 1, state: 2, snapshotPart: 3, snapshotManifest: 4 } as const;
export type FileKind = keyof typeof FILE_KINDS;

/** The share's data key, ready for use: a non-extractable HKDF key and its id in the keyring. */
export interface DataKey {
  keyId: number;
  key: CryptoKeyHandle;
}

export async function importDataKey(platform: SyncPlatform, keyId: number, raw: Uint8Array): Promise<DataKey> {
  if (raw.length !== 32) throw new Error('A sync data key is 32 bytes.');
  return { keyId, key: await platform.subtle.importKey('raw', raw, 'HKDF', false, ['deriveKey']) };
}

export type OpenFailure =
  /** Zero bytes: a file that was never written completely. */
  | 'empty'
  /** Not one of ours (wrong magic), or too short to hold a header. */
  | 'not_sync_file'
  /** Written by a newer version of the app. */
  | 'newer_format'
  /** Encrypted with a key this desk does not have. */
  | 'unknown_key'
  /** The header names another file: a copy or a rename. */
  | 'wrong_name'
  /** The header says another kind of file. */
  | 'wrong_kind'
  /** Authentication failed: truncated, bit-flipped or spliced. */
  | 'damaged';

export type OpenResult = { ok: true; plaintext: Uint8Array } | { ok: false; reason: OpenFailure };

function u16(n: number): number[] {
  return [(n >>> 8) & 0xff, n & 0xff];
}
function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}
const readU16 = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const readU32 = (b: Uint8Array, at: number): number =>
  (((b[at] ?? 0) << 24) | ((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)) >>> 0;

function nonceAndAad(header: Uint8Array, index: number, final: boolean): { iv: Uint8Array; additionalData: Uint8Array } {
  const tail = [...u32(index), final ? 1 : 0];
  const iv = new Uint8Array(12);
  iv.set(tail, 0);
  return { iv, additionalData: concatBytes([header, Uint8Array.from(tail)]) };
}

async function fileKey(platform: SyncPlatform, dataKey: DataKey, salt: Uint8Array): Promise<CryptoKeyHandle> {
  return platform.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: HKDF_INFO },
    dataKey.key,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `plaintext` as the file called `name` (its path on the share). */
export async function sealFile(
  platform: SyncPlatform,
  dataKey: DataKey,
  kind: FileKind,
  name: string,
  plaintext: Uint8Array,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<Uint8Array> {
  const nameBytes = utf8(name);
  const salt = platform.randomBytes(SALT_LENGTH);
  const header = concatBytes([
    Uint8Array.from([...MAGIC, FILE_FORMAT, FILE_KINDS[kind], ...u16(dataKey.keyId), ...u32(chunkSize)]),
    salt,
    Uint8Array.from(u16(nameBytes.length)),
    nameBytes,
  ]);
  const key = await fileKey(platform, dataKey, salt);
  const count = Math.max(1, Math.ceil(plaintext.length / chunkSize));
  const parts: Uint8Array[] = [header];
  for (let i = 0; i < count; i++) {
    const chunk = plaintext.subarray(i * chunkSize, Math.min(plaintext.length, (i + 1) * chunkSize));
    const { iv, additionalData } = nonceAndAad(header, i, i === count - 1);
    parts.push(new Uint8Array(await platform.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key, chunk)));
  }
  return concatBytes(parts);
}

/** Reads the clear header of a file (for diagnosis), without decrypting anything. */
export function peekHeader(bytes: Uint8Array): { format: number; kind: number; keyId: number; name: string } | null {
  if (bytes.length < FIXED_HEADER || MAGIC.some((m, i) => bytes[i] !== m)) return null;
  const nameLength = readU16(bytes, FIXED_HEADER - 2);
  if (bytes.length < FIXED_HEADER + nameLength) return null;
  try {
    return {
      format: bytes[4] ?? 0,
      kind: bytes[5] ?? 0,
      keyId: readU16(bytes, 6),
      name: fromUtf8(bytes.subarray(FIXED_HEADER, FIXED_HEADER + nameLength)),
    };
  } catch {
    return null;
  }
}

/** Decrypts a file expected to be `kind` at `name`, checking everything the header binds. */
export async function openFile(
  platform: SyncPlatform,
  keys: ReadonlyMap<number, DataKey>,
  kind: FileKind,
  name: string,
  bytes: Uint8Array,
): Promise<OpenResult> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const head = peekHeader(bytes);
  if (!head) return { ok: false, reason: 'not_sync_file' };
  if (head.format > FILE_FORMAT) return { ok: false, reason: 'newer_format' };
  if (head.format !== FILE_FORMAT) return { ok: false, reason: 'not_sync_file' };
  if (head.kind !== FILE_KINDS[kind]) return { ok: false, reason: 'wrong_kind' };
  if (head.name !== name) return { ok: false, reason: 'wrong_name' };
  const dataKey = keys.get(head.keyId);
  if (!dataKey) return { ok: false, reason: 'unknown_key' };
  const chunkSize = readU32(bytes, 8);
  const headerLength = FIXED_HEADER + utf8(head.name).length;
  const header = bytes.subarray(0, headerLength);
  if (chunkSize === 0) return { ok: false, reason: 'damaged' };
  const key = await fileKey(platform, dataKey, bytes.slice(12, 12 + SALT_LENGTH));
  const out: Uint8Array[] = [];
  let at = headerLength;
  let index = 0;
  do {
    const remaining = bytes.length - at;
    if (remaining < TAG) return { ok: false, reason: 'damaged' }; // no final chunk: truncated
    const final = remaining <= chunkSize + TAG;
    const length = final ? remaining : chunkSize + TAG;
    const { iv, additionalData } = nonceAndAad(header, index, final);
    try {
      out.push(
        new Uint8Array(await platform.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, bytes.subarray(at, at + length))),
      );
    } catch {
      return { ok: false, reason: 'damaged' };
    }
    at += length;
    index += 1;
  } while (at < bytes.length);
  return { ok: true, plaintext: concatBytes(out) };
}
