import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '../time/types';
import { decodeHlc, encodeHlc, type Hlc, MAX_COUNTER, receiveHlc, tickHlc } from './hlc';

const at = (ms: number) => ms as Instant;

describe('HLC', () => {
  it('uses wall time when the clock moves forward', () => {
    expect(tickHlc({ wall: 1000, counter: 5, deviceId: 'A' }, at(2000))).toEqual({ wall: 2000, counter: 0, deviceId: 'A' });
  });
  it('counts within a millisecond and when the OS clock goes backwards', () => {
    expect(tickHlc({ wall: 2000, counter: 0, deviceId: 'A' }, at(2000))).toEqual({ wall: 2000, counter: 1, deviceId: 'A' });
    expect(tickHlc({ wall: 2000, counter: 1, deviceId: 'A' }, at(1500))).toEqual({ wall: 2000, counter: 2, deviceId: 'A' });
  });
  it('rolls into the next millisecond when the counter is full', () => {
    expect(tickHlc({ wall: 2000, counter: MAX_COUNTER, deviceId: 'A' }, at(2000))).toEqual({ wall: 2001, counter: 0, deviceId: 'A' });
  });
  it('moves past a remote stamp', () => {
    expect(receiveHlc({ wall: 1000, counter: 3, deviceId: 'A' }, { wall: 5000, counter: 7, deviceId: 'B' }, at(2000))).toEqual({
      wall: 5000,
      counter: 8,
      deviceId: 'A',
    });
  });
  it('round-trips through its encoding', () => {
    const h: Hlc = { wall: Date.UTC(2026, 10, 23), counter: 42, deviceId: 'K7QM2ZX' };
    expect(decodeHlc(encodeHlc(h))).toEqual(h);
    expect(decodeHlc('nonsense')).toBeNull();
  });
  it('orders encoded stamps exactly as (wall, counter, device)', () => {
    const hlc = fc.record({
      wall: fc.integer({ min: 0, max: 4102444800000 }),
      counter: fc.integer({ min: 0, max: MAX_COUNTER }),
      deviceId: fc.constantFrom('A', 'B', 'C1'),
    });
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        const byFields = a.wall - b.wall || a.counter - b.counter || (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0);
        const ea = encodeHlc(a);
        const eb = encodeHlc(b);
        const byText = ea < eb ? -1 : ea > eb ? 1 : 0;
        expect(Math.sign(byText)).toBe(Math.sign(byFields));
      }),
    );
  });
  it('never issues a stamp at or below the previous one, whatever the OS clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 50 }), (nows) => {
        let h: Hlc = { wall: 0, counter: 0, deviceId: 'A' };
        for (const n of nows) {
          const next = tickHlc(h, at(n));
          expect(encodeHlc(next) > encodeHlc(h)).toBe(true);
          h = next;
        }
      }),
    );
  });
});
