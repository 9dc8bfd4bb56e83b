import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { EMPTY_WORKFLOW, type InquiryRecord } from '../inquiry/projection';
import type { Instant } from '../time/types';
import { foldForSearch, newToYou, toLogRow } from './logRow';
import { testRecord } from './testing';

describe('toLogRow', () => {
  it('flattens a record into the row the log shows, with Received as mm/dd/yyyy hh:mm in the agency zone', () => {
    expect(toLogRow(testRecord(), DEFAULT_AGENCY_CONFIG)).toEqual({
      id: '01JDESKA000000000000000001',
      caseNumber: '261122-ZX9P4-002',
      receivedAt: Date.UTC(2026, 10, 22, 5, 30),
      receivedText: '11/21/2026 23:30',
      source: 'Managed Care Ombudsman',
      memberName: 'Chris Diaz',
      medicaidId: '7654321B',
      mcoName: 'Wellpoint Iowa',
      priority: 'high',
      priorityLabel: 'High',
      status: 'open',
      assigneeId: 'p-ana',
      assigneeName: 'Ana Ortiz',
      assignedHlc: '',
      assignedBy: '',
      category: 'Durable medical equipment › Repair',
      summaryLine: 'Wheelchair REPAIR delayed',
      updatedAt: Date.UTC(2026, 10, 23, 16, 0),
      stage: 'New',
      nextDueLabel: '',
      nextDueAt: null,
      dueTimes: [],
      dueDeadline: null,
      dueSoonAt: null,
      dueDeadlineKind: null,
      dueSoonKind: null,
      dueMarks: [],
      snooze: null,
      awaitingMco: false,
      unitLeadCallback: false,
      callerIds: [],
      isComplaint: false,
      importReview: false,
      searchText: [
        '261122-zx9p4-002',
        '11/21/2026 23:30',
        'managed care ombudsman',
        'lee ombud',
        'chris diaz',
        '7654321b',
        'wellpoint iowa',
        'high',
        'open',
        'new',
        'ana ortiz',
        'durable medical equipment',
        'repair',
        'wheelchair repair delayed',
      ].join('\u0001'),
    });
  });

  it('carries the next due item and the flags the queues read', () => {
    const targets = {
      priority: 'high',
      from: Date.UTC(2026, 10, 23, 15, 0) as Instant,
      firstContactTarget: Date.UTC(2026, 10, 23, 17, 0) as Instant,
      firstContactDeadline: Date.UTC(2026, 10, 23, 19, 0) as Instant,
      policy: { target: { amount: 2, unit: 'businessHours' as const }, deadline: { amount: 4, unit: 'businessHours' as const } },
    };
    const referral = {
      at: Date.UTC(2026, 10, 23, 16, 0) as Instant,
      mcoId: 'wellpoint',
      department: 'Member Services',
      contact: '',
      mcoContactDue: Date.UTC(2026, 10, 23, 22, 30) as Instant,
      followUpDue: Date.UTC(2026, 10, 23, 22, 30) as Instant,
      reportedBackAt: null,
      memberContactedByMco: null,
      followUps: 0,
      lastFollowUpAt: null,
    };
    const row = toLogRow(testRecord({ workflow: { ...EMPTY_WORKFLOW, targets, referral } }), DEFAULT_AGENCY_CONFIG);
    expect(row).toMatchObject({
      stage: 'With MCO',
      nextDueLabel: 'First contact',
      nextDueAt: targets.firstContactTarget,
      dueDeadline: targets.firstContactDeadline,
      // The first warning: 50 % of the 2 business hours from receipt (09:00 CST) to the target (11:00 CST).
      dueSoonAt: Date.UTC(2026, 10, 23, 16, 0),
      awaitingMco: true,
      unitLeadCallback: false,
    });
    const resolved = toLogRow(
      testRecord({ status: 'resolved', workflow: { ...EMPTY_WORKFLOW, targets, referral } }),
      DEFAULT_AGENCY_CONFIG,
    );
    expect(resolved).toMatchObject({ stage: 'Resolved', nextDueAt: null, dueDeadline: null, awaitingMco: false });
  });

  it('shows an unassigned, MCO-less record with empty cells and the category alone', () => {
    expect(
      toLogRow(testRecord({ assignee: null, mcoId: '', mcoEnrollment: 'not_enrolled', subcategory: '' }), DEFAULT_AGENCY_CONFIG),
    ).toMatchObject({
      assigneeId: '',
      assigneeName: '',
      mcoName: '',
      category: 'Durable medical equipment',
    });
  });

  it('shows the id of a retired MCO or priority level the config no longer lists', () => {
    expect(toLogRow(testRecord({ mcoId: 'amerigroup', priority: 'dire-need' }), DEFAULT_AGENCY_CONFIG)).toMatchObject({
      mcoName: 'amerigroup',
      priority: 'dire-need',
      priorityLabel: 'dire-need',
    });
  });

  it('does not search the expected outcome, root cause or member identifiers beyond name and Medicaid ID', () => {
    const row = toLogRow(
      testRecord({ memberPhone: '(515) 555-0123', memberDob: '1984-03-07' as InquiryRecord['memberDob'] }),
      DEFAULT_AGENCY_CONFIG,
    );
    for (const hidden of ['chair repaired', 'vendor backlog', '555-0123', '1984-03-07'])
      expect(row.searchText.includes(hidden)).toBe(false);
  });
});

describe('foldForSearch', () => {
  it.each([
    ['Hernández', 'hernandez'],
    ['MUÑOZ', 'munoz'],
    ['Zoë Brontë', 'zoe bronte'],
    ['O’Brien', "o'brien"],
    ['“Dire need”', '"dire need"'],
    ['Pharmacy › Refill', 'pharmacy > refill'],
    ['Mon–Fri', 'mon-fri'],
    ['ﬁle …', 'file ...'],
    ['Plain ASCII 123-45', 'plain ascii 123-45'],
  ])('folds %j to %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it('makes a row found by its member’s name typed without accents, and by the accents too', () => {
    const row = toLogRow(testRecord({ memberName: 'José Hernández' }), DEFAULT_AGENCY_CONFIG);
    expect(row.searchText.includes(foldForSearch('hernandez'))).toBe(true);
    expect(row.searchText.includes(foldForSearch('HERNÁNDEZ'))).toBe(true);
  });

  it('leaves a row’s search text one byte per character when only accents and typography are not ASCII', () => {
    const row = toLogRow(testRecord({ memberName: 'Zoë Ng', description: 'Called ‘twice’ — no answer' }), DEFAULT_AGENCY_CONFIG);
    expect([...row.searchText].every((c) => (c.codePointAt(0) as number) < 0x100)).toBe(true);
  });
});

describe('newToYou', () => {
  const row = { id: 'i1', status: 'open', assigneeId: 'p-ana', assignedHlc: 'h2', assignedBy: 'p-lee' };
  it('marks an open inquiry someone else assigned to the person, until they open it since that assignment', () => {
    expect(newToYou(row, 'p-ana', {})).toBe(true);
    expect(newToYou(row, 'p-ana', { i1: 'h1' })).toBe(true); // opened before it was assigned again
    expect(newToYou(row, 'p-ana', { i1: 'h2' })).toBe(false);
  });
  it('never marks what the person assigned to themselves (logged as theirs, or claimed), nor others’ or closed work', () => {
    expect(newToYou({ ...row, assignedBy: 'p-ana' }, 'p-ana', {})).toBe(false);
    expect(newToYou(row, 'p-ben', {})).toBe(false);
    expect(newToYou({ ...row, status: 'resolved' }, 'p-ana', {})).toBe(false);
  });
});
