import { describe, expect, it } from 'vitest';
import { maskDob, maskMedicaidId, maskName, maskPhone } from './mask';

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
