import { z } from 'zod';
import { bytesEqual, concatBytes, fromHex, type SyncPlatform, sha256Hex, toHex, utf8 } from './platform';

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
const keyringSchema = keyringBody.extend({ digest: hex(32) });
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

/** Says what is wrong with a passphrase a person is choosing for a new share, or null. */
export function passphraseProblem(passphrase: string, confirmation: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    return `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters (now ${passphrase.length}); a short sentence is easy to remember and hard to guess.`;
  if (passphrase !== confirmation) return 'The two passphrases differ. Type the same passphrase in both boxes.';
  return null;
}
