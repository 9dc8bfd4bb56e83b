import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../export/columns';
import type { InquiryFields } from '../inquiry/fields';
import { sampleInquiry } from '../inquiry/testInquiry';
import type { Instant, TimeZone } from '../time/types';
import {
  describeChange,
  describeIdentifierChange,
  editDistance,
  type FieldChange,
  fieldChanges,
  isIdentifierChange,
  sameIssue,
  sameLegacyRow,
  sameMember,
} from './identity';

const row = (fields: Partial<InquiryFields>, legacyId = '') => ({ fields: sampleInquiry(fields), legacyId });

describe('legacy identity: the same old-log row in a corrected copy', () => {
  it('measures typos', () => {
    expect(editDistance('lopes', 'lopez')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(3);
  });

  it('knows the member by the Medicaid ID, or by a name within a typo or in another order', () => {
    expect(sameMember({ memberName: 'Maria Lopes', medicaidId: '' }, { memberName: 'Maria Lopez', medicaidId: '' })).toBe(true);
    expect(sameMember({ memberName: 'Lopez Maria', medicaidId: '' }, { memberName: 'Maria Lopez', medicaidId: '' })).toBe(true);
    expect(sameMember({ memberName: 'X', medicaidId: '1234567A' }, { memberName: 'Maria Lopez', medicaidId: '1234567a' })).toBe(true);
    expect(sameMember({ memberName: 'Mario Lopez', medicaidId: '' }, { memberName: 'Maria Lopez', medicaidId: '' })).toBe(true);
    expect(sameMember({ memberName: 'Mark Lee', medicaidId: '' }, { memberName: 'Maria Lopez', medicaidId: '' })).toBe(false);
    expect(sameMember({ memberName: 'Ann Li', medicaidId: '' }, { memberName: 'Ann Lu', medicaidId: '' })).toBe(true);
    expect(sameMember({ memberName: 'Ann Li', medicaidId: '' }, { memberName: 'Bo Lu', medicaidId: '' })).toBe(false);
  });

  it('knows the issue by its first words, within typos, however the rest was reworded', () => {
    expect(sameIssue('Insulin refill denied at pharmacy; 2 days left', 'Insulin refil denied at pharmacy; two days of supply left')).toBe(
      true,
    );
    expect(sameIssue('Insulin refill denied at pharmacy', 'Insulin refill denied at the pharmacy on Main St')).toBe(true);
    expect(sameIssue('Insulin refill denied at pharmacy', 'Transport to dialysis did not show')).toBe(false);
  });

  it('uses the old log number when both rows have one', () => {
    expect(sameLegacyRow(row({ memberName: 'A B' }, 'L-17'), row({ memberName: 'Zed Q' }, 'l 17'))).toBe(true);
    expect(sameLegacyRow(row({}, 'L-17'), row({}, 'L-18'))).toBe(false);
    expect(sameLegacyRow(row({}), row({ description: `${sampleInquiry().description} (updated)` }))).toBe(true);
  });

  it('turns what a later copy changed into edits of what the log holds, leaving fields people edited in the app', () => {
    const previous = sampleInquiry({ receivedAt: Date.parse('2025-07-01T19:01:00Z') as Instant, memberName: 'Maria Lopes' });
    const next = {
      ...previous,
      receivedAt: Date.parse('2025-07-01T19:05:00Z') as Instant,
      memberName: 'Maria Lopez',
      category: 'Pharmacy',
    };
    const current = { ...previous, category: 'Transport' }; // changed in the app since
    const changes = fieldChanges(previous, next, current);
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['receivedAt', previous.receivedAt, next.receivedAt],
      ['memberName', 'Maria Lopes', 'Maria Lopez'],
    ]);
    expect(describeChange(changes[0] as (typeof changes)[number], (at) => formatDateTime(at, 'America/Chicago' as TimeZone))).toBe(
      'Received: 07/01/2025 14:01 → 07/01/2025 14:05',
    );
    expect(fieldChanges(previous, previous, current)).toEqual([]);
  });

  it('tells a change of a member identifier without its values: what kind of change, for a lead to judge', () => {
    const change = (field: FieldChange['field'], from: string, to: string): FieldChange => ({ field, from, to, before: from });
    expect(describeIdentifierChange(change('memberName', 'Maria Lopes', 'Maria Lopez'))).toBe('Member name changed (spelling)');
    expect(describeIdentifierChange(change('memberName', 'Bob Sampel', 'Bob Sample'))).toBe('Member name changed (spelling)');
    expect(describeIdentifierChange(change('memberName', 'Lopez Maria', 'Maria Lopez'))).toBe('Member name changed (word order)');
    expect(describeIdentifierChange(change('memberName', 'maria lopez', 'Maria Lopez.'))).toBe(
      'Member name changed (capitals or punctuation)',
    );
    expect(describeIdentifierChange(change('memberName', 'Bob Smith', 'Carol Jones'))).toBe('Member name changed (a different name)');
    expect(describeIdentifierChange(change('medicaidId', '', '1234567A'))).toBe('Medicaid ID added');
    expect(describeIdentifierChange(change('medicaidId', '1234567A', ''))).toBe('Medicaid ID removed');
    expect(describeIdentifierChange(change('medicaidId', '1234567A', '1234568A'))).toBe('Medicaid ID changed (one character)');
    expect(describeIdentifierChange(change('medicaidId', '1234567A', '7654321B'))).toBe('Medicaid ID changed (a different ID)');
    expect(describeIdentifierChange(change('memberPhone', '515-555-0101', '(515) 555-0101'))).toBe('Member phone changed (formatting)');
    expect(describeIdentifierChange(change('memberDob', '1984-03-07', '1984-07-03'))).toBe('Date of birth changed (a different date)');
    // Nothing of the values in any of them.
    for (const text of [describeIdentifierChange(change('memberName', 'Maria Lopes', 'Maria Lopez'))]) expect(text).not.toMatch(/Lop|M\./);
    expect(isIdentifierChange({ field: 'memberName' })).toBe(true);
    expect(isIdentifierChange({ field: 'receivedAt' })).toBe(false);
    expect(isIdentifierChange({ field: 'category' })).toBe(false);
  });
});
