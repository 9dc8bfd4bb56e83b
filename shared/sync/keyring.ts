import { z } from 'zod';
import { bytesEqual, concatBytes, fromHex, fromUtf8, type SyncPlatform, sha256Hex, toHex, utf8 } from './platform';

/**
 * The keyring: the share's random data key, wrapped (AES-256-GCM) by a key derived from the team
 * passphrase with PBKDF2-SHA-256. The derivation yields 64 bytes: the first 32 wrap the data
 * key, the last 32 are a passphrase check stored in the clear. A digest over the file's content
 * tells accidental damage apart from a wrong passphrase:
 *
 *   digest wrong or fields unreadable → keyring_damaged
 *   check differs                     → wrong_passphrase
 *   check matches, unwrap fails       → keyring_damaged
 *
 * The check makes guessing no cheaper than unwrapping would: both cost one PBKDF2 run.
 */

export const KEYRING_FORMAT = 1;
/** OWASP 2023 guidance for PBKDF2-HMAC-SHA-256. */
export const DEFAULT_KDF_ITERATIONS = 600_000;
/** Refuse absurd iteration counts from a file (a damaged or hostile keyring must not hang the desk). */
const MAX_KDF_ITERATIONS = 20_000_000;
export const MIN_PASSPHRASE_LENGTH = 12;

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

const keyringBody = z.object({
  format: z.number().int().min(1),
  shareId: z.string().min(8).max(64),
  keyId: z.number().int().min(1).max(65_535),
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(1).max(MAX_KDF_ITERATIONS),
    salt: hex(16),
  }),
  check: hex(32),
  /** 12-byte IV then ciphertext and tag of the 32-byte data key. */
  wrapped: hex(12 + 32 + 16),
});
const sealedHex = z.string().regex(/^([0-9a-f]{2}){29,65536}$/);
/**
 * A later keyring (a passphrase change, docs/sync.md "Changing the passphrase"): besides its own data
 * key wrapped by the new passphrase, the keys before it sealed under the new key (`older`: old files
 * stay readable), and, unless the old passphrase was locked out, the new key sealed under the one
 * before (`fromPrevious`: desks holding that key follow on their next cycle). Both are AES-GCM with
 * the share, the key ids and their role in the AAD, so they authenticate themselves (an older app
 * ignores them: the digest covers only the fields it knows).
 */
const keyringChain = z.object({
  older: sealedHex.optional(),
  fromPrevious: z
    .object({ keyId: z.number().int().min(1).max(65_535), sealed: sealedHex })
    .strict()
    .optional(),
});
const keyringSchema = keyringBody.extend({ digest: hex(32) }).merge(keyringChain);
export type KeyringFile = z.infer<typeof keyringSchema>;

export type KeyringFailure = 'wrong_passphrase' | 'keyring_damaged' | 'newer_format' | 'other_share';

const canonical = (body: z.infer<typeof keyringBody>): Uint8Array =>
  utf8(
    JSON.stringify([
      body.format,
      body.shareId,
      body.keyId,
      body.kdf.name,
      body.kdf.hash,
      body.kdf.iterations,
      body.kdf.salt,
      body.check,
      body.wrapped,
    ]),
  );

const wrapAad = (shareId: string, keyId: number): Uint8Array => utf8(`liaison-log/sync/keyring/v1|${shareId}|${keyId}`);

async function derive(platform: SyncPlatform, passphrase: string, salt: Uint8Array, iterations: number) {
  const base = await platform.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await platform.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 512));
  const wrapKey = await platform.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return { wrapKey, check: bits.slice(32) };
}

/** A new keyring with a fresh random data key; the caller writes the file and keeps the key. */
export async function createKeyring(
  platform: SyncPlatform,
  passphrase: string,
  shareId: string,
  keyId = 1,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<{ file: KeyringFile; dataKey: Uint8Array }> {
  const dataKey = platform.randomBytes(32);
  const salt = platform.randomBytes(16);
  const { wrapKey, check } = await derive(platform, passphrase, salt, iterations);
  const iv = platform.randomBytes(12);
  const sealed = new Uint8Array(
    await platform.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: wrapAad(shareId, keyId) }, wrapKey, dataKey),
  );
  const body = {
    format: KEYRING_FORMAT,
    shareId,
    keyId,
    kdf: { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt: toHex(salt) },
    check: toHex(check),
    wrapped: toHex(concatBytes([iv, sealed])),
  };
  return { file: { ...body, digest: await sha256Hex(platform, canonical(body)) }, dataKey };
}

/** Unwraps the data key from a keyring file's text with the passphrase. */
export async function openKeyring(
  platform: SyncPlatform,
  text: string,
  passphrase: string,
  shareId: string,
): Promise<{ ok: true; keyId: number; dataKey: Uint8Array } | { ok: false; reason: KeyringFailure }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'keyring_damaged' };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > KEYRING_FORMAT) return { ok: false, reason: 'newer_format' };
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'keyring_damaged' };
  const file = parsed.data;
  if (file.digest !== (await sha256Hex(platform, canonical(file)))) return { ok: false, reason: 'keyring_damaged' };
  if (file.shareId !== shareId) return { ok: false, reason: 'other_share' };
  const salt = fromHex(file.kdf.salt) as Uint8Array;
  const { wrapKey, check } = await derive(platform, passphrase, salt, file.kdf.iterations);
  if (!bytesEqual(check, fromHex(file.check) as Uint8Array)) return { ok: false, reason: 'wrong_passphrase' };
  const wrapped = fromHex(file.wrapped) as Uint8Array;
  try {
    const dataKey = new Uint8Array(
      await platform.subtle.decrypt(
        { name: 'AES-GCM', iv: wrapped.slice(0, 12), additionalData: wrapAad(shareId, file.keyId) },
        wrapKey,
        wrapped.slice(12),
      ),
    );
    return { ok: true, keyId: file.keyId, dataKey };
  } catch {
    return { ok: false, reason: 'keyring_damaged' };
  }
}

const olderAad = (shareId: string, keyId: number): Uint8Array => utf8(`liaison-log/sync/keyring/older/v1|${shareId}|${keyId}`);
const nextAad = (shareId: string, from: number, to: number): Uint8Array =>
  utf8(`liaison-log/sync/keyring/next/v1|${shareId}|${from}|${to}`);

async function aesKey(platform: SyncPlatform, raw: Uint8Array) {
  return platform.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function seal(platform: SyncPlatform, raw: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Promise<string> {
  const iv = platform.randomBytes(12);
  const sealed = new Uint8Array(
    await platform.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, await aesKey(platform, raw), plaintext),
  );
  return toHex(concatBytes([iv, sealed]));
}

async function unseal(platform: SyncPlatform, raw: Uint8Array, hexText: string, aad: Uint8Array): Promise<Uint8Array | null> {
  const bytes = fromHex(hexText);
  if (!bytes || bytes.length < 12 + 16) return null;
  try {
    return new Uint8Array(
      await platform.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.slice(0, 12), additionalData: aad },
        await aesKey(platform, raw),
        bytes.slice(12),
      ),
    );
  } catch {
    return null;
  }
}

/**
 * The keyring of a passphrase change: a new random data key wrapped by the new passphrase, every
 * key before it sealed under it, and (unless `lockOut`) the new key sealed under the current one.
 */
export async function createNextKeyring(
  platform: SyncPlatform,
  passphrase: string,
  shareId: string,
  keyId: number,
  keys: ReadonlyMap<number, Uint8Array>,
  current: number,
  lockOut: boolean,
  iterations = DEFAULT_KDF_ITERATIONS,
): Promise<{ file: KeyringFile; dataKey: Uint8Array }> {
  const { file, dataKey } = await createKeyring(platform, passphrase, shareId, keyId, iterations);
  const list = [...keys].map(([id, raw]) => [id, toHex(raw)]);
  const older = await seal(platform, dataKey, utf8(JSON.stringify(list)), olderAad(shareId, keyId));
  const previous = keys.get(current);
  const fromPrevious =
    lockOut || !previous
      ? undefined
      : { keyId: current, sealed: await seal(platform, previous, dataKey, nextAad(shareId, current, keyId)) };
  return { file: { ...file, older, ...(fromPrevious ? { fromPrevious } : {}) }, dataKey };
}

/** Parses a keyring file's text for its chain (null: not a keyring of this share, or damaged). */
export async function parseKeyring(platform: SyncPlatform, text: string, shareId: string): Promise<KeyringFile | null> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = keyringSchema.safeParse(json);
  if (!parsed.success || parsed.data.shareId !== shareId) return null;
  if (parsed.data.digest !== (await sha256Hex(platform, canonical(parsed.data)))) return null;
  return parsed.data;
}

/** The keys before this keyring's, opened with its data key (empty for the first keyring, or when damaged). */
export async function olderKeys(platform: SyncPlatform, file: KeyringFile, dataKey: Uint8Array): Promise<Map<number, Uint8Array>> {
  const out = new Map<number, Uint8Array>();
  if (!file.older) return out;
  const plain = await unseal(platform, dataKey, file.older, olderAad(file.shareId, file.keyId));
  if (!plain) return out;
  try {
    const list = z.array(z.tuple([z.number().int().min(1).max(65_535), hex(32)])).parse(JSON.parse(fromUtf8(plain)));
    for (const [id, raw] of list) out.set(id, fromHex(raw) as Uint8Array);
  } catch {
    return new Map();
  }
  return out;
}

/** This keyring's data key, opened with the key before it (null: locked out, or not the key it names). */
export async function followKeyring(
  platform: SyncPlatform,
  file: KeyringFile,
  keys: ReadonlyMap<number, Uint8Array>,
): Promise<Uint8Array | null> {
  const link = file.fromPrevious;
  const previous = link ? keys.get(link.keyId) : undefined;
  if (!link || !previous) return null;
  const raw = await unseal(platform, previous, link.sealed, nextAad(file.shareId, link.keyId, file.keyId));
  return raw && raw.length === 32 ? raw : null;
}

/** Says what is wrong with a passphrase a person is choosing for a new share, or null. */
export function passphraseProblem(passphrase: string, confirmation: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    return `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters (now ${passphrase.length}); a short sentence is easy to remember and hard to guess.`;
  if (passphrase !== confirmation) return 'The two passphrases differ. Type the same passphrase in both boxes.';
  return null;
}
