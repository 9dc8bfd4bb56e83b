import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDay } from '../time/types';
import { caseNumberSortKey, formatCaseNumber, isCaseNumber } from './caseNumber';

const day = (d: string) => d as IsoDay;

describe('formatCaseNumber', () => {
  it('formats YYMMDD-DESK-SEQ with the sequence padded to 3 digits', () => {
    expect(formatCaseNumber(day('2026-11-23'), 'K7QM2', 4)).toBe('261123-K7QM2-004');
    expect(formatCaseNumber(day('2030-01-05'), 'ZX9P4', 87)).toBe('300105-ZX9P4-087');
    expect(formatCaseNumber(day('2026-11-23'), 'K7QM2', 999)).toBe('261123-K7QM2-999');
  });

  it('grows the sequence past 999 up to 999999', () => {
    expect(formatCaseNumber(day('2026-11-23'), 'K7QM2', 1000)).toBe('261123-K7QM2-1000');
    expect(formatCaseNumber(day('2026-11-23'), 'K7QM2', 999_999)).toBe('261123-K7QM2-999999');
  });

  it.each(['K7QM', 'K7QM22', 'k7qm2', 'K7QMI', 'K7QML', 'K7QMO', 'K7QMU', 'K7-M2', ''])('refuses the desk code "%s"', (code) => {
    expect(() => formatCaseNumber(day('2026-11-23'), code, 4)).toThrow(`Invalid desk code "${code}"`);
  });

  it.each([0, -1, 1.5, 1_000_000, Number.NaN, Number.POSITIVE_INFINITY])('refuses the sequence %s', (seq) => {
    expect(() => formatCaseNumber(day('2026-11-23'), 'K7QM2', seq)).toThrow(`Invalid case sequence ${seq}`);
  });
});

describe('isCaseNumber', () => {
  it.each(['261123-K7QM2-004', '261123-K7QM2-1000', '261123-K7QM2-999999', '000101-00000-001'])('accepts %s', (text) => {
    expect(isCaseNumber(text)).toBe(true);
  });

  it.each([
    '261123-K7QM2-04',
    '261123-K7QM2-0000004',
    '261123-K7QMI-004',
    '261123-k7qm2-004',
    '2611230-K7QM2-004',
    '261123K7QM2004',
    ' 261123-K7QM2-004',
    '261123-K7QM2-004\n',
    '',
  ])('refuses %j', (text) => {
    expect(isCaseNumber(text)).toBe(false);
  });

  it('accepts every number formatCaseNumber makes', () => {
    const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.split('');
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
        fc.array(fc.constantFrom(...crockford), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1, max: 999_999 }),
        (d, desk, seq) => {
          expect(isCaseNumber(formatCaseNumber(day(d.toISOString().slice(0, 10)), desk.join(''), seq))).toBe(true);
        },
      ),
    );
  });
});

describe('caseNumberSortKey', () => {
  it('pads the sequence to 6 digits and leaves anything else unchanged', () => {
    expect(caseNumberSortKey('261123-K7QM2-009')).toBe('261123-K7QM2-000009');
    expect(caseNumberSortKey('261123-K7QM2-1000')).toBe('261123-K7QM2-001000');
    expect(caseNumberSortKey('LEGACY-17')).toBe('LEGACY-17');
  });

  it('orders sequence 9 < 10 < 999 < 1000 numerically, not as text', () => {
    const numbers = ['261123-K7QM2-1000', '261123-K7QM2-010', '261123-K7QM2-999', '261123-K7QM2-009'];
    const byKey = [...numbers].sort((a, b) => (caseNumberSortKey(a) < caseNumberSortKey(b) ? -1 : 1));
    expect(byKey).toEqual(['261123-K7QM2-009', '261123-K7QM2-010', '261123-K7QM2-999', '261123-K7QM2-1000']);
  });

  it('orders by day, then desk, then sequence', () => {
    fc.assert(
      fc.property(
        fc.record({
          d: fc.integer({ min: 0, max: 3 }),
          desk: fc.constantFrom('K7QM2', 'ZX9P4'),
          seq: fc.integer({ min: 1, max: 999_999 }),
        }),
        fc.record({
          d: fc.integer({ min: 0, max: 3 }),
          desk: fc.constantFrom('K7QM2', 'ZX9P4'),
          seq: fc.integer({ min: 1, max: 999_999 }),
        }),
        (a, b) => {
          const days = ['2026-11-23', '2026-11-24', '2026-12-01', '2027-01-02'];
          const ka = caseNumberSortKey(formatCaseNumber(day(days[a.d] as string), a.desk, a.seq));
          const kb = caseNumberSortKey(formatCaseNumber(day(days[b.d] as string), b.desk, b.seq));
          const expected = Math.sign(a.d - b.d || (a.desk < b.desk ? -1 : a.desk > b.desk ? 1 : 0) || a.seq - b.seq);
          expect(Math.sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(expected);
        },
      ),
    );
  });
});
