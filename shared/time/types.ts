import { z } from 'zod';

// The brands are zod's (`z.$brand`), so a schema's `.brand()` gives the very same type: a value read from storage,
// IPC or the share is branded by the schema that checked it, and nothing downstream needs a cast.

/** An instant as UTC epoch milliseconds. */
export type Instant = number & z.$brand<'Instant'>;
/** A calendar day, `yyyy-MM-dd`, with no time zone attached. */
export type IsoDay = string & z.$brand<'IsoDay'>;
/** An IANA time zone name such as `America/Chicago`. */
export type TimeZone = string & z.$brand<'TimeZone'>;

/** Whether a number is an instant: a finite count of milliseconds (NaN and ±Infinity are not). */
export const isInstant = (ms: number): ms is Instant => Number.isFinite(ms);

/** The instant of `ms` epoch milliseconds; a non-finite number is a bug upstream (never a person's input) and throws. */
export function asInstant(ms: number): Instant {
  if (!isInstant(ms)) throw new RangeError(`not an instant: ${ms}`);
  return ms;
}

/** A stored or received instant: whole, non-negative epoch milliseconds (what every event and record holds). */
export const instantSchema = z.number().int().nonnegative().brand<'Instant'>();

/** `t` moved by `ms` milliseconds (negative: earlier). */
export const addMs = (t: Instant, ms: number): Instant => asInstant(t + ms);

/** The later of two instants (two arguments, no array: the fold asks this of every event). */
export const later = (a: Instant, b: Instant): Instant => (b > a ? b : a);

/** The earlier of two instants. */
export const earlier = (a: Instant, b: Instant): Instant => (b < a ? b : a);

/** The source of "now". Injected once at the edge; nothing in shared/ reads the system clock. */
export interface Clock {
  now(): Instant;
}

/** A duration of office time (business time) in minutes: not interchangeable with elapsed wall-clock minutes. */
export type BusinessMinutes = number & { readonly __brand: 'BusinessMinutes' };
export const asBusinessMinutes = (minutes: number): BusinessMinutes => minutes as BusinessMinutes;
