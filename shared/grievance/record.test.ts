import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { CaseNumber } from '../inquiry/caseNumber';
import { type ComplaintInput, classifyAsComplaint } from '../inquiry/commands/classifyAsComplaint';
import { classifyAsInquiry } from '../inquiry/commands/classifyAsInquiry';
import { recordGrievanceOutcome } from '../inquiry/commands/recordGrievanceOutcome';
import { recordGrievanceReview } from '../inquiry/commands/recordGrievanceReview';
import { resolveInquiry } from '../inquiry/commands/resolveInquiry';
import { CHICAGO, ct, Desk, LEE } from '../inquiry/commands/testKit';
import type { GrievanceOutcome } from '../inquiry/events';
import type { InquiryFields } from '../inquiry/fields';
import type { InquiryRecord } from '../inquiry/projection';
import type { Instant, IsoDay } from '../time/types';
import { type GrievanceCounts, grievanceCounts, grievanceCsv, grievanceFileName, grievanceRows, grievanceTable } from './record';

/*
 * A month of complaints with known answers. The period is November 2026 (Chicago): received from
 * Sun 1 Nov 00:00 to Mon 30 Nov 23:59, so 31 Oct 23:30 is out and 30 Nov 23:30 (1 Dec in UTC) is in.
 */

interface Spec {
  n: number;
  received: Instant;
  fields?: Partial<InquiryFields>;
  complaint?: ComplaintInput;
  reviews?: IsoDay[];
  outcome?: GrievanceOutcome;
  resolvedAt?: Instant;
  reclassified?: boolean;
}

const mco = (responsibleEntity: ComplaintInput['responsibleEntity'], reasonCategory: string, reason = 'The ride did not come.') => ({
  responsibleEntity,
  reasonCategory,
  reason,
});

function build(s: Spec): InquiryRecord {
  const desk = new Desk({ receivedAt: s.received, ...s.fields });
  const after = (hours: number) => (s.received + hours * 3_600_000) as Instant;
  if (s.complaint) desk.run(classifyAsComplaint, s.complaint, after(1));
  for (const [i, day] of (s.reviews ?? []).entries())
    desk.run(recordGrievanceReview, { reviewedOn: day, note: `Review ${i + 1}.` }, after(200 + i));
  if (s.outcome) desk.run(recordGrievanceOutcome, { outcome: s.outcome, note: '' }, after(300), LEE);
  if (s.resolvedAt) desk.run(resolveInquiry, { resolution: 'agency', text: 'Explained and fixed.' }, s.resolvedAt);
  if (s.reclassified) desk.run(classifyAsInquiry, { note: 'A question, not a complaint.' }, after(2));
  return {
    ...desk.record,
    id: `01JINQ${String(s.n).padStart(20, '0')}`,
    caseNumber: `2611${String(s.n).padStart(2, '0')}-K7QM2-00${s.n}` as CaseNumber,
  };
}

const NOT_ENROLLED: Partial<InquiryFields> = { mcoEnrollment: 'not_enrolled', mcoId: '' };

const FIXTURE: InquiryRecord[] = [
  // A: ITC, transportation, the MCO's fault, two reviews, substantiated, resolved 20 Nov.
  build({
    n: 1,
    received: ct(2026, 11, 9, 10, 0),
    complaint: mco('mco', 'Transportation', 'Dialysis rides missed twice.'),
    reviews: ['2026-11-10' as IsoDay, '2026-11-12' as IsoDay],
    outcome: 'substantiated',
    resolvedAt: ct(2026, 11, 20, 11, 0),
  }),
  // B: ITC, pharmacy, a provider's, unsubstantiated, open.
  build({ n: 2, received: ct(2026, 11, 12, 9, 0), complaint: mco('provider', 'Pharmacy'), outcome: 'unsubstantiated' }),
  // C: Molina, transportation, the MCO's, unable to substantiate, resolved.
  build({
    n: 3,
    received: ct(2026, 11, 15, 14, 0),
    fields: { mcoId: 'molina' },
    complaint: mco('mco', 'Transportation'),
    outcome: 'unable_to_substantiate',
    resolvedAt: ct(2026, 11, 30, 9, 0),
  }),
  // D: Molina, access to care, the agency's, no finding yet, open.
  build({ n: 4, received: ct(2026, 11, 18, 8, 0), fields: { mcoId: 'molina' }, complaint: mco('agency', 'Access to care') }),
  // E: not enrolled with an MCO, billing, someone else's, substantiated, resolved.
  build({
    n: 5,
    received: ct(2026, 11, 20, 13, 0),
    fields: NOT_ENROLLED,
    complaint: mco('other', 'Payment or billing'),
    outcome: 'substantiated',
    resolvedAt: ct(2026, 11, 23, 9, 0),
  }),
  // F: before the period (31 Oct 23:30 Chicago).
  build({ n: 6, received: ct(2026, 10, 31, 23, 30), complaint: mco('mco', 'Transportation'), outcome: 'substantiated' }),
  // G: the last evening of the period (1 Dec 05:30 UTC), Wellpoint, quality of care, no finding yet.
  build({ n: 7, received: ct(2026, 11, 30, 23, 30), fields: { mcoId: 'wellpoint' }, complaint: mco('mco', 'Quality of care') }),
  // H: after the period.
  build({ n: 8, received: ct(2026, 12, 1, 0, 0), complaint: mco('mco', 'Transportation') }),
  // I: an inquiry, not a complaint.
  build({ n: 9, received: ct(2026, 11, 10, 10, 0) }),
  // J: classified, then found not to be a complaint.
  build({ n: 10, received: ct(2026, 11, 11, 10, 0), complaint: mco('mco', 'Pharmacy'), reclassified: true }),
];

const NOVEMBER = { from: ct(2026, 11, 1), to: ct(2026, 12, 1) };
const ctx = { config: DEFAULT_AGENCY_CONFIG, zone: CHICAGO, includeIdentifiers: false };

/** A count line as [label, total, resolved, substantiated, unsubstantiated, unable, not yet]. */
const flat = (lines: GrievanceCounts['byMco']) =>
  lines.map((l) => [
    l.label,
    l.total,
    l.resolved,
    l.byOutcome.substantiated,
    l.byOutcome.unsubstantiated,
    l.byOutcome.unable_to_substantiate,
    l.byOutcome.pending,
  ]);

describe('grievanceRows', () => {
  it('picks the complaints received in the period (agency days), oldest first; not inquiries, nor complaints reclassified', () => {
    const rows = grievanceRows(FIXTURE, { ...NOVEMBER, mcoId: null }, ctx);
    expect(rows.map((r) => r.caseNumber)).toEqual([
      '261101-K7QM2-001',
      '261102-K7QM2-002',
      '261103-K7QM2-003',
      '261104-K7QM2-004',
      '261105-K7QM2-005',
      '261107-K7QM2-007',
    ]);
  });

  it('holds what 42 CFR 438.416(b) asks: reason, date received, each review date, resolution and its date, the member (masked)', () => {
    const [a] = grievanceRows(FIXTURE, { ...NOVEMBER, mcoId: 'itc' }, ctx);
    expect(a).toEqual({
      inquiryId: '01JINQ00000000000000000001',
      caseNumber: '261101-K7QM2-001',
      receivedAt: ct(2026, 11, 9, 10, 0),
      receivedOn: '2026-11-09',
      memberName: 'P. L. •••',
      medicaidId: '•••••67A',
      mcoId: 'itc',
      mcoName: 'Iowa Total Care',
      responsibleEntity: 'mco',
      reasonCategory: 'Transportation',
      reason: 'Dialysis rides missed twice.',
      reviewedOn: ['2026-11-10', '2026-11-12'],
      outcome: 'substantiated',
      status: 'resolved',
      resolution: 'agency',
      resolutionText: 'Explained and fixed.',
      resolvedOn: '2026-11-20',
    });
  });

  it('shows the member unmasked only when identifiers are included', () => {
    const [a] = grievanceRows(FIXTURE, { ...NOVEMBER, mcoId: 'itc' }, { ...ctx, includeIdentifiers: true });
    expect([a?.memberName, a?.medicaidId]).toEqual(['Patricia Lee-Hoang', '1234567A']);
  });

  it('filters on one MCO, or on complaints with no MCO', () => {
    expect(grievanceRows(FIXTURE, { ...NOVEMBER, mcoId: 'molina' }, ctx).map((r) => r.caseNumber)).toEqual([
      '261103-K7QM2-003',
      '261104-K7QM2-004',
    ]);
    const none = grievanceRows(FIXTURE, { ...NOVEMBER, mcoId: '' }, ctx);
    expect(none.map((r) => [r.caseNumber, r.mcoName])).toEqual([['261105-K7QM2-005', 'No MCO (not enrolled or not known)']]);
  });
});

describe('grievanceCounts', () => {
  const rows = grievanceRows(FIXTURE, { ...NOVEMBER, mcoId: null }, ctx);
  const counts = grievanceCounts(rows, DEFAULT_AGENCY_CONFIG, null);

  it('by MCO: every active MCO, then complaints with no MCO', () => {
    expect(flat([counts.total])).toEqual([['All complaints', 6, 3, 2, 1, 1, 2]]);
    expect(flat(counts.byMco)).toEqual([
      ['Iowa Total Care', 2, 1, 1, 1, 0, 0],
      ['Molina Healthcare of Iowa', 2, 1, 0, 0, 1, 1],
      ['Wellpoint Iowa', 1, 0, 0, 0, 0, 1],
      ['No MCO (not enrolled or not known)', 1, 1, 1, 0, 0, 0],
    ]);
  });

  it('by reason: every configured reason in the configured order, zero or not', () => {
    expect(flat(counts.byReason)).toEqual([
      ['Access to care', 1, 0, 0, 0, 0, 1],
      ['Quality of care', 1, 0, 0, 0, 0, 1],
      ['Care management or service coordination', 0, 0, 0, 0, 0, 0],
      ['Plan or provider customer service', 0, 0, 0, 0, 0, 0],
      ['Payment or billing', 1, 1, 1, 0, 0, 0],
      ['Transportation', 2, 2, 1, 0, 1, 0],
      ['Pharmacy', 1, 0, 0, 1, 0, 0],
      ['Long-term services and supports', 0, 0, 0, 0, 0, 0],
      ['Privacy (protected health information)', 0, 0, 0, 0, 0, 0],
      ['Timeliness of a service authorization or appeal', 0, 0, 0, 0, 0, 0],
      ['Suspected fraud', 0, 0, 0, 0, 0, 0],
      ['Abuse, neglect or exploitation', 0, 0, 0, 0, 0, 0],
      ['Other', 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('by outcome and by responsible entity', () => {
    expect(counts.byOutcome.map((o) => [o.label, o.count])).toEqual([
      ['Substantiated', 2],
      ['Unsubstantiated', 1],
      ['Unable to substantiate', 1],
      ['Not yet determined', 2],
    ]);
    expect(counts.byEntity.map((l) => [l.label, l.total])).toEqual([
      ['MCO', 3],
      ['Agency', 1],
      ['Provider', 1],
      ['Other', 1],
    ]);
  });

  it('for one MCO, only that MCO has a line', () => {
    const itc = grievanceCounts(grievanceRows(FIXTURE, { ...NOVEMBER, mcoId: 'itc' }, ctx), DEFAULT_AGENCY_CONFIG, 'itc');
    expect(flat(itc.byMco)).toEqual([['Iowa Total Care', 2, 1, 1, 1, 0, 0]]);
    expect(itc.total.total).toBe(2);
  });

  it('adds a reason since removed from Settings after the configured ones', () => {
    const config = { ...DEFAULT_AGENCY_CONFIG, grievanceReasons: ['Transportation', 'Other'] };
    expect(flat(grievanceCounts(rows, config, null).byReason).map((l) => [l[0], l[1]])).toEqual([
      ['Transportation', 2],
      ['Other', 0],
      ['Pharmacy', 1],
      ['Access to care', 1],
      ['Payment or billing', 1],
      ['Quality of care', 1],
    ]);
  });

  it('counts nothing in a period without complaints, every line present at zero', () => {
    const empty = grievanceCounts([], DEFAULT_AGENCY_CONFIG, null);
    expect(empty.total.total).toBe(0);
    expect(empty.byMco.map((l) => l.total)).toEqual([0, 0, 0]);
    expect(empty.byReason).toHaveLength(DEFAULT_AGENCY_CONFIG.grievanceReasons.length);
  });
});

describe('the export', () => {
  const rows = grievanceRows(FIXTURE, { ...NOVEMBER, mcoId: null }, ctx);

  it('is a CSV with a byte-order mark, the record columns, dates as mm/dd/yyyy, members masked', () => {
    const lines = grievanceCsv(rows, CHICAGO).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFCase number,Date received,Member name,Medicaid ID,MCO,Responsible entity,Reason category,General description of the reason,' +
        'Dates of review,Reviews,Outcome,Resolution,Resolution detail,Date of resolution,Status',
    );
    expect(lines[1]).toBe(
      '261101-K7QM2-001,11/09/2026,P. L. •••,•••••67A,Iowa Total Care,MCO,Transportation,Dialysis rides missed twice.,' +
        '11/10/2026; 11/12/2026,2,Substantiated,Resolved by the agency,Explained and fixed.,11/20/2026,Resolved',
    );
    expect(lines[6]).toBe(
      '261107-K7QM2-007,11/30/2026,P. L. •••,•••••67A,Wellpoint Iowa,MCO,Quality of care,The ride did not come.,,0,Not yet determined,,,,Open',
    );
    expect(lines).toHaveLength(8); // header, 6 rows, and the empty text after the last CRLF
  });

  it('takes the member identifiers out of the reason and the resolution when they are masked', () => {
    const named = build({
      n: 12,
      received: ct(2026, 11, 5, 9, 0),
      complaint: mco('mco', 'Other', 'Patricia Lee-Hoang (1234567A) was refused a ride.'),
    });
    const [masked] = grievanceRows([named], { ...NOVEMBER, mcoId: null }, ctx);
    expect(masked?.reason).toBe('[removed] ([removed]) was refused a ride.');
    const [included] = grievanceRows([named], { ...NOVEMBER, mcoId: null }, { ...ctx, includeIdentifiers: true });
    expect(included?.reason).toBe('Patricia Lee-Hoang (1234567A) was refused a ride.');
    const [bare] = grievanceRows([named], { ...NOVEMBER, mcoId: null }, { ...ctx, withoutFreeText: true });
    expect([bare?.reason, bare?.resolutionText, bare?.reasonCategory]).toEqual(['', '', 'Other']);
  });

  it('never lets a reason run as a formula in a spreadsheet', () => {
    const evil = build({ n: 11, received: ct(2026, 11, 5, 9, 0), complaint: mco('mco', 'Other', '=HYPERLINK("http://x.invalid","y")') });
    const text = grievanceCsv(grievanceRows([evil], { ...NOVEMBER, mcoId: null }, ctx), CHICAGO);
    expect(text).toContain(',"\'=HYPERLINK(""http://x.invalid"",""y"")",');
  });

  it('gives XLSX real values: days as yyyy-MM-dd for date cells, review count as a number', () => {
    const [first] = grievanceTable(rows);
    expect(first?.[1]).toBe('2026-11-09');
    expect(first?.[9]).toBe(2);
    expect(first?.[13]).toBe('2026-11-20');
  });

  it('names the file after the period and the MCO, and says when it holds member identifiers', () => {
    const base = { period: { from: '2026-11-01' as IsoDay, to: '2026-11-30' as IsoDay }, now: ct(2026, 12, 2, 14, 30), zone: CHICAGO };
    expect(grievanceFileName({ ...base, mco: null, identifiers: false, format: 'csv' })).toBe(
      'grievance-record_2026-11-01_2026-11-30_2026-12-02-1430.csv',
    );
    expect(grievanceFileName({ ...base, mco: 'Iowa Total Care', identifiers: true, format: 'xlsx' })).toBe(
      'grievance-record_2026-11-01_2026-11-30_iowa-total-care_2026-12-02-1430_CONTAINS-MEMBER-IDENTIFIERS.xlsx',
    );
  });
});
