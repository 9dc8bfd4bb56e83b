import { describe, expect, it } from 'vitest';
import { formatTypedDay, parseTypedDay, parseTypedTime } from './typedInput';

describe('parseTypedDay', () => {
  it.each([
    ['11/23/2026', '2026-11-23'],
    ['1/5/2026', '2026-01-05'],
    ['11/23/26', '2026-11-23'],
    ['2026-11-23', '2026-11-23'],
  ])('reads %s', (text, day) => expect(parseTypedDay(text)).toBe(day));
  it.each(['02/30/2026', '13/01/2026', '2026-13-01', 'yesterday', '11-23-2026', ''])('refuses %s', (text) =>
    expect(parseTypedDay(text)).toBeNull(),
  );
  it('reads two-digit birth years into the past when asked', () => {
    expect(parseTypedDay('03/07/84', { pastOnlyBefore: 2026 })).toBe('1984-03-07');
    expect(parseTypedDay('03/07/19', { pastOnlyBefore: 2026 })).toBe('2019-03-07');
    expect(parseTypedDay('03/07/84')).toBe('2084-03-07');
  });
  it('formats a day back as mm/dd/yyyy', () => expect(formatTypedDay(parseTypedDay('2026-03-07') ?? '')).toBe('03/07/2026'));
});

describe('parseTypedTime', () => {
  it.each([
    ['14:05', { hour: 14, minute: 5 }],
    ['2:05 pm', { hour: 14, minute: 5 }],
    ['12:30 AM', { hour: 0, minute: 30 }],
    ['12pm', { hour: 12, minute: 0 }],
    ['8:00', { hour: 8, minute: 0 }],
  ])('reads %s', (text, time) => expect(parseTypedTime(text)).toEqual(time));
  it.each(['24:00', '13:00 pm', '14', '9:60', 'noon'])('refuses %s', (text) => expect(parseTypedTime(text)).toBeNull());
});
