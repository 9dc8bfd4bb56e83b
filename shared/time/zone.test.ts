import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant, TimeZone } from './types';
import { intlParts, isoDayOf, parseIsoDay, zonedParts, zonedToInstant } from './zone';

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
