import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** A ULID for an event or inquiry, time-ordered by the injected clock (not the system clock). */
export const newId = (now: number): string => nextUlid(now);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random code in Crockford base-32 (no I, L, O, U), from caller-supplied random bytes. */
export function codeFromBytes(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CROCKFORD[(bytes[i] ?? 0) % 32];
  return out;
}
