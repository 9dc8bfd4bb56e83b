import { describe, expect, it } from 'vitest';
import { notificationContent, notificationRequestSchema } from './ipc';

const A = '01JDKX4Q7ZP3M8W2R5T9V6Y0AA';
const item = { inquiryId: A, caseNumber: '261123-K7QM2-004', due: 'first_contact' as const };

describe('warning notifications: what the notification centre shows', () => {
  it('a warning names the threshold, a due item its target time, overdue as before', () => {
    expect(notificationContent({ ...item, state: 'warning', percent: 75 })).toEqual({
      title: 'Warning: case 261123-K7QM2-004',
      body: 'First contact with the member: 75 % of its business time is used. Click to open the inquiry.',
    });
    expect(notificationContent({ ...item, due: 'callback', state: 'warning', percent: null })).toEqual({
      title: 'Due soon: case 261123-K7QM2-004',
      body: 'A scheduled callback is due soon. Click to open the inquiry.',
    });
    expect(notificationContent({ ...item, state: 'due' })).toEqual({
      title: 'Due now: case 261123-K7QM2-004',
      body: 'First contact with the member has reached its target time. Click to open the inquiry.',
    });
    expect(notificationContent({ ...item, state: 'overdue' }).title).toBe('Overdue: case 261123-K7QM2-004');
  });

  it('a summary counts, and names case numbers only when it has them', () => {
    expect(
      notificationContent({ kind: 'summary', inquiryId: A, whileClosed: true, overdue: 3, due: 0, warnings: 5, caseNumbers: [] }),
    ).toEqual({
      title: 'While the office was closed',
      body: '3 items became overdue, 5 items reached a warning. Click to open the most urgent.',
    });
    expect(
      notificationContent({
        kind: 'summary',
        inquiryId: A,
        whileClosed: false,
        overdue: 1,
        due: 1,
        warnings: 0,
        caseNumbers: ['261123-K7QM2-004', '261123-K7QM2-005'],
      }),
    ).toEqual({
      title: 'Several items need attention',
      body: '1 item became overdue, 1 item reached its target time (cases 261123-K7QM2-004, 261123-K7QM2-005). Click to open the most urgent.',
    });
  });

  it('refuses free text where a case number goes, more than 3 case numbers, and unknown fields', () => {
    const summary = {
      kind: 'summary',
      inquiryId: A,
      whileClosed: true,
      overdue: 1,
      due: 0,
      warnings: 0,
      caseNumbers: ['261123-K7QM2-004'],
    };
    expect(notificationRequestSchema.safeParse(summary).success).toBe(true);
    expect(notificationRequestSchema.safeParse({ ...summary, caseNumbers: ['MARIA LOPEZ'] }).success).toBe(false);
    expect(notificationRequestSchema.safeParse({ ...summary, caseNumbers: Array(4).fill('261123-K7QM2-004') }).success).toBe(false);
    expect(notificationRequestSchema.safeParse({ ...summary, memberName: 'Maria Lopez' }).success).toBe(false);
    expect(notificationRequestSchema.safeParse({ ...item, state: 'warning', percent: 100 }).success).toBe(false);
  });
});
