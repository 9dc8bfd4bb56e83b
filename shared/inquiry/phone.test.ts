import { describe, expect, it } from 'vitest';
import { isEmail, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['515-555-0123', '(515) 555-0123'],
    ['(515) 555 0123', '(515) 555-0123'],
    ['+1 515.555.0123', '(515) 555-0123'],
    ['5155550123 ext. 44', '(515) 555-0123 x44'],
  ])('formats %s', (input, expected) => expect(normalisePhone(input)).toBe(expected));

  it.each(['555-0123', '015-555-0123', '515-155-0123', '515-555-01234', 'call me', '515-555-O123'])('refuses %s', (input) =>
    expect(normalisePhone(input)).toBeNull(),
  );
});

describe('isEmail', () => {
  it('accepts a plain address and refuses a bare name', () => {
    expect(isEmail('pat.lee@hhs.iowa.gov')).toBe(true);
    expect(isEmail('Pat Lee')).toBe(false);
  });
});
