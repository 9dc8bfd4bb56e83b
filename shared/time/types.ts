/** An instant as UTC epoch milliseconds. */
export type Instant = number & { readonly __brand: 'Instant' };
/** A calendar day, `yyyy-MM-dd`, with no time zone attached. */
export type IsoDay = string & { readonly __brand: 'IsoDay' };
/** An IANA time zone name such as `America/Chicago`. */
export type TimeZone = string & { readonly __brand: 'TimeZone' };

export const asInstant = (ms: number): Instant => ms as Instant;

/** The source of "now". Injected once at the edge; nothing in shared/ reads the system clock. */
export interface Clock {
  now(): Instant;
}

/** A duration of office time (business time) in minutes: not interchangeable with elapsed wall-clock minutes. */
export type BusinessMinutes = number & { readonly __brand: 'BusinessMinutes' };
export const asBusinessMinutes = (minutes: number): BusinessMinutes => minutes as BusinessMinutes;
