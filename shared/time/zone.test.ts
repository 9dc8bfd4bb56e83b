import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant, TimeZone } from './types';
import { intlParts, isIsoDay, isoDayFromParts, isoDayFromUtcDate, isoDayOf, parseIsoDay, zonedParts, zonedToInstant } from './zone';

const chicago = 'America/Chicago' as TimeZone;

describe('zonedToInstant', () => {
  it('converts a Chicago winter wall time (UTC-6)', () => {
    expect(new Date(zonedToInstant({ year: 2026, month: 11, day: 23, hour: 8, minute: 0 }, chicago)).toISOString()).toBe(
      '2026-11-23T14:00:00.000Z',
    );
  });
  it('converts a Chicago summer wall time (UTC-5)', () => {
    expect(new Date(zonedToInstant({ year: 2026, month: 7, day: 1, hour: 16, minute: 30 }, chicago)).toISOString()).toBe(
      '2026-07-01T21:30:00.000Z',
    );
  });
  it('moves a time inside the spring-forward gap past the gap', () => {
    // 8 March 2026, 02:30 does not exist in Chicago.
    const t = zonedToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, chicago);
    expect(new Date(t).toISOString()).toBe('2026-03-08T08:30:00.000Z');
    expect(zonedParts(t, chicago).hour).toBe(3);
  });
  it('resolves an ambiguous fall-back time to its first occurrence', () => {
    // 1 November 2026, 01:30 happens twice in Chicago; the first is CDT (UTC-5).
    const t = zonedToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, chicago);
    expect(new Date(t).toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });
});

describe('calendar days', () => {
  it('takes the day in the agency zone, not UTC', () => {
    expect(isoDayOf(Date.parse('2026-11-24T03:00:00Z') as Instant, chicago)).toBe('2026-11-23');
  });
  it('rejects impossible days', () => {
    expect(parseIsoDay('2026-02-30')).toBeNull();
    expect(parseIsoDay('2026-2-3')).toBeNull();
    expect(parseIsoDay('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
  it('builds a day from its parts, zero-padded, as parseIsoDay reads it back', () => {
    expect(isoDayFromParts(2026, 3, 5)).toBe('2026-03-05');
    expect(isoDayFromParts(2028, 2, 29)).toBe('2028-02-29');
    expect(isoDayFromParts(987, 1, 2)).toBe('0987-01-02');
    expect(isoDayFromParts(5, 12, 31)).toBe('0005-12-31');
    for (const day of ['2026-03-05', '2028-02-29', '0987-01-02']) expect(isIsoDay(day)).toBe(true);
  });
  it('takes the UTC day of a Date, as toISOString writes it, past month and year ends', () => {
    expect(isoDayFromUtcDate(new Date(Date.UTC(2028, 1, 29)))).toBe('2028-02-29');
    expect(isoDayFromUtcDate(new Date(Date.UTC(2027, 1, 29)))).toBe('2027-03-01');
    expect(isoDayFromUtcDate(new Date(Date.UTC(2026, 11, 32)))).toBe('2027-01-01');
    expect(isoDayFromUtcDate(new Date(Date.UTC(2026, 0, 0)))).toBe('2025-12-31');
    const early = new Date(Date.UTC(2000, 0, 1));
    early.setUTCFullYear(999);
    expect(isoDayFromUtcDate(early)).toBe('0999-01-01');
    // Every day of years 0000–9999 (day numbers since 1970): the same text as toISOString, which the callers used before.
    const first = Date.parse('0000-01-01T00:00:00Z') / 86_400_000;
    const last = Date.parse('9999-12-31T00:00:00Z') / 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (n) => {
        const d = new Date(n * 86_400_000);
        expect(isoDayFromUtcDate(d)).toBe(d.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('zonedParts', () => {
  it('gives what Intl gives, at any instant, in zones with DST, half-hour and 45-minute offsets', () => {
    const zones = ['America/Chicago', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'UTC'];
    // 1990–2040, and the hours around this year's two US changes, where the cached day offsets stop.
    const any = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
    const nearChange = fc
      .constantFrom(Date.UTC(2026, 2, 8, 8), Date.UTC(2026, 10, 1, 7))
      .chain((t) => fc.integer({ min: t - 7_200_000, max: t + 7_200_000 }));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.oneof(any, nearChange), (zone, t) => {
        expect(zonedParts(t as Instant, zone as TimeZone)).toEqual(intlParts(t as Instant, zone as TimeZone));
      }),
      { numRuns: 3000 },
    );
  });
});
