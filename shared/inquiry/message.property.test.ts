import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InquiryFields } from './fields';
import { redactIdentifiers } from './message';

// redactIdentifiers (message.ts) for random names, Medicaid IDs and birth dates written the ways people write them.

/** Generous: a slow CI machine must not fail a property on time. */
const TIMEOUT = 120_000;

describe('redactIdentifiers, at random', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyzéñö';
  const namePart = fc
    .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 })
    .map((cs) => cs.join(''))
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .filter((w) => w.toLowerCase() !== 'removed');
  const fullName = fc.oneof(
    fc.array(namePart, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' ')),
    fc.tuple(namePart, namePart, namePart).map(([a, b, c]) => `${a} ${b}-${c}`),
    fc.tuple(namePart, namePart).map(([a, b]) => `${a}, ${b}`),
  );
  const medicaidId = fc
    .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ'))
    .map(([n, l]) => `${String(n).padStart(7, '0')}${l}`);
  const dob = fc.date({ min: new Date(Date.UTC(1920, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true }).map((d) => ({
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
  }));
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const p2 = (n: number) => String(n).padStart(2, '0');
  /** The ways people write a birth date. */
  const formats: ((b: { y: number; m: number; d: number }) => string)[] = [
    (b) => `${b.y}-${p2(b.m)}-${p2(b.d)}`,
    (b) => `${p2(b.m)}/${p2(b.d)}/${b.y}`,
    (b) => `${b.m}/${b.d}/${b.y}`,
    (b) => `${b.m}/${b.d}/${p2(b.y % 100)}`,
    (b) => `${p2(b.m)}-${p2(b.d)}-${b.y}`,
    (b) => `${p2(b.m)}.${p2(b.d)}.${b.y}`,
    (b) => `${b.y}/${p2(b.m)}/${p2(b.d)}`,
    (b) => `${p2(b.m)}${p2(b.d)}${b.y}`,
    (b) => `${MONTHS[b.m - 1]} ${b.d}, ${b.y}`,
    (b) => `${MONTHS[b.m - 1]?.slice(0, 3)} ${b.d} ${b.y}`,
    (b) => `${b.d} ${MONTHS[b.m - 1]} ${b.y}`,
  ];
  const filler = fc.constantFrom('member', 'called', 'about', 'the', 'ride', 'to', 'dialysis', 'never', 'came', 'DOB', 'ID', 'is', 'and');
  const separator = fc.constantFrom(' ', ', ', '. ', '\n', ' (', ') ', ': ', '; ', ' - ', '/', '#');

  it(
    '(e) leaves no name part of 3+ letters, no Medicaid ID and no birth date in a description that quotes them',
    () => {
      fc.assert(
        fc.property(
          fullName,
          medicaidId,
          dob,
          fc.array(
            fc.oneof(
              { weight: 3, arbitrary: filler.map((w) => ({ kind: 'word' as const, w })) },
              { weight: 1, arbitrary: fc.nat().map((i) => ({ kind: 'name' as const, i })) },
              {
                weight: 1,
                arbitrary: fc.constantFrom('upper' as const, 'lower' as const, 'as is' as const).map((c) => ({ kind: 'id' as const, c })),
              },
              { weight: 1, arbitrary: fc.nat({ max: 10 }).map((f) => ({ kind: 'dob' as const, f })) },
            ),
            { minLength: 1, maxLength: 16 },
          ),
          fc.array(separator, { minLength: 16, maxLength: 16 }),
          (name, id, birth, pieces, seps) => {
            const parts = name.split(/[^\p{L}\p{M}]+/u).filter((p) => p.length >= 3);
            const quoted = [name, ...name.split(/\s+/), ...parts];
            const memberDob = `${birth.y}-${p2(birth.m)}-${p2(birth.d)}` as InquiryFields['memberDob'];
            const description = pieces
              .map((p) => {
                if (p.kind === 'word') return p.w;
                if (p.kind === 'name') return quoted[p.i % quoted.length] as string;
                if (p.kind === 'id') return p.c === 'upper' ? id : p.c === 'lower' ? id.toLowerCase() : id;
                return (formats[p.f] as (typeof formats)[number])(birth);
              })
              .map((piece, i) => piece + (seps[i] as string))
              .join('');
            const out = redactIdentifiers(description, { memberName: name, medicaidId: id, memberDob });
            const words = new Set(out.toLowerCase().split(/[^\p{L}\p{M}]+/u));
            for (const part of parts) expect(words.has(part.toLowerCase())).toBe(false);
            expect(out.toLowerCase()).not.toContain(id.toLowerCase());
            // Filler has no digits: any digit left over is part of an identifier.
            expect(out).not.toMatch(/\d/);
          },
        ),
        { numRuns: 500 },
      );
    },
    TIMEOUT,
  );
});
