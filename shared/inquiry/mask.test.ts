import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskDob, maskFreeText, maskMedicaidId, maskName, maskPhone } from './mask';

describe('maskName', () => {
  it.each([
    ['Pat Lee', 'P. L. •••'],
    ['  mary   ann  smith-jones ', 'M. A. S. •••'],
    ['Cher', 'C. •••'],
    ['émile zola', 'É. Z. •••'],
    ['', ''],
    ['   ', ''],
  ])('masks %j as %j', (name, masked) => expect(maskName(name)).toBe(masked));
});

describe('maskMedicaidId', () => {
  it.each([
    ['1234567A', '•••••67A'],
    ['12345', '••345'],
    ['67A', '67A'],
    ['', ''],
  ])('masks %j as %j, keeping the last 3 characters', (id, masked) => expect(maskMedicaidId(id)).toBe(masked));
});

describe('maskDob', () => {
  it('hides the whole date and shows nothing for no date', () => {
    expect(maskDob('1984-03-07')).toBe('••••-••-••');
    expect(maskDob('')).toBe('');
  });
});

describe('maskPhone', () => {
  it.each([
    ['(515) 555-0123', '(•••) •••-0123'],
    ['(515) 555-0123 x12', '(•••) •••-0123'],
    ['', ''],
  ])('masks the stored phone %j as %j, keeping the last 4 digits of the number', (phone, masked) => expect(maskPhone(phone)).toBe(masked));
});

describe('masking by grapheme and in free text (issue 16)', () => {
  it('takes whole characters as initials, never half an emoji', () => {
    expect(maskName('🦊Fox Ñúñez')).toBe('🦊. Ñ. •••');
    expect(maskName('👩🏽‍⚕️ Dana')).toBe('👩🏽‍⚕️. D. •••');
    expect(maskName('é́lan Z')).toBe('É́. Z. •••');
  });

  it('masks the member, their ids and anything shaped like an id in a line of free text', () => {
    const ids = { memberName: 'Maria López', medicaidId: '1234567A' };
    expect(maskFreeText('Maria López (1234567A) says maria called 515-281-3371 twice', ids)).toBe(
      'M. L. (•••••67A) says M. called (•••) •••-3371 twice',
    );
    expect(maskFreeText('SSN 123-45-6789 on file; case 9876543', ids)).toBe('SSN •••-••-•••• on file; case ••••543');
    // Words that only contain a name part are left alone.
    expect(maskFreeText('Mariam asked about Marias Pharmacy', ids)).toBe('Mariam asked about Marias Pharmacy');
  });
});

describe('maskFreeText, names', () => {
  const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
  /** The one pattern the name masking replaces what (see maskNameParts), as it was written first. */
  const byPattern = (text: string, name: string): string => {
    const parts = name
      .trim()
      .split(/\s+/)
      .filter((p) => [...graphemes.segment(p)].length >= 2);
    if (parts.length === 0) return text;
    const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const names = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    return text.replace(names, (m) => `${[...graphemes.segment(m)][0]?.segment.toUpperCase() ?? ''}.`);
  };

  it('masks what the one Unicode-aware pattern masks, for any text built of the name, letters and marks', () => {
    const piece = fc.constantFrom(
      'Ann',
      'Anne',
      'ann',
      'Mary',
      'Mary-Ann',
      'Li',
      'lì',
      'Øyvind',
      'ÉMILE',
      "O'Brien",
      'x',
      '-',
      ' ',
      '.',
      '3',
      '😀',
      'ß',
      'é',
    );
    const name = fc.array(fc.constantFrom('Ann', 'Anne', 'Mary', 'Mary-Ann', 'Li', 'Øyvind', 'émile', "O'Brien", 'J.'), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), name, (pieces, parts) => {
        const text = pieces.join('');
        const memberName = parts.join(' ');
        expect(maskFreeText(text, { memberName, medicaidId: '' })).toBe(byPattern(text, memberName));
      }),
      { numRuns: 2000 },
    );
  });
});
