import type { PinHash } from '../../shared/people';

/**
 * PINs for the idle lock. Stored only as PBKDF2-HMAC-SHA-256 through WebCrypto (never hand-rolled):
 * a random 16-byte salt per PIN, 600,000 iterations (OWASP's 2023 figure for PBKDF2-SHA-256; the
 * floor accepted from storage is 310,000), 256 derived bits, compared in constant time.
 */
export const PIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export const PIN_MIN = 4;
export const PIN_MAX = 12;

/** What is wrong with a new PIN, or null when it can be used. */
export function pinProblem(pin: string): string | null {
  if (pin === '') return 'Choose a PIN of 4 to 12 digits.';
  if (!/^\d+$/.test(pin)) return 'Use digits only (0–9) for the PIN.';
  if (pin.length < PIN_MIN || pin.length > PIN_MAX) return 'A PIN is 4 to 12 digits long.';
  if (/^(\d)\1+$/.test(pin) || '01234567890123'.includes(pin) || '98765432109876'.includes(pin))
    return 'Choose a PIN that is not one digit repeated or a run like 1234: those are the first anyone tries.';
  return null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS));
}

/** The stored form of a new PIN (check it with `pinProblem` first). */
export async function hashPin(pin: string, iterations: number = PIN_ITERATIONS): Promise<PinHash> {
  const salt = new Uint8Array(SALT_BYTES);
  crypto.getRandomValues(salt);
  const hash = await derive(pin, salt, iterations);
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/** True when `pin` is the PIN `stored` was made from. Every byte is compared, whatever the first difference. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (stored.algorithm !== 'PBKDF2-SHA-256') return false;
  const expected = fromBase64(stored.hash);
  const actual = await derive(pin, fromBase64(stored.salt), stored.iterations);
  let diff = expected.length ^ actual.length;
  for (let i = 0; i < expected.length; i++) diff |= (expected[i] as number) ^ (actual[i] ?? 0);
  return diff === 0;
}
