import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../shared/config/agencyConfig';
import { inquiryEventSchema } from '../../shared/inquiry/events';
import { projectInquiry } from '../../shared/inquiry/projection';
import { BENCH_NOW, benchProfile, benchStaff, DEFAULT_DATA_SET, generateInquiries, lastStampOf } from './generate';

/** The benchmark's data set at a small size: the same code that builds the 100,000-inquiry set. */
const small = (inquiries: number, seed = DEFAULT_DATA_SET.seed) => [...generateInquiries({ ...DEFAULT_DATA_SET, inquiries, seed })];

describe('the benchmark data set', () => {
  const set = small(600);
  const events = set.flatMap((g) => g.events);

  it('is the same for the same seed, and different for another', () => {
    expect(JSON.stringify(small(40))).toBe(JSON.stringify(small(40)));
    expect(small(40, 7).map((g) => g.record.caseNumber)).not.toEqual(small(40).map((g) => g.record.caseNumber));
  });

  it('is made of valid events, each inquiry stored as the projection of its own events', () => {
    for (const e of events) expect(inquiryEventSchema.safeParse(e).success, `${e.type} ${e.id}`).toBe(true);
    for (const g of set) {
      expect(g.events.every((e) => e.inquiryId === g.record.id)).toBe(true);
      expect(projectInquiry(g.events)).toEqual(g.record);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(set.map((g) => g.record.caseNumber)).size).toBe(set.length);
  });

  it('looks like a unit’s history: about ten events an inquiry, mostly resolved, received over three years, nothing after now', () => {
    expect(events.length / set.length).toBeGreaterThan(8);
    expect(events.length / set.length).toBeLessThan(12);
    const open = set.filter((g) => g.record.status === 'open').length;
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThan(set.length * 0.2);
    const received = set.map((g) => g.record.receivedAt);
    expect(Math.min(...received)).toBeLessThan(BENCH_NOW - 2.9 * 365 * 86_400_000);
    expect(Math.max(...events.map((e) => e.at))).toBeLessThan(BENCH_NOW);
    const types = new Set(events.map((e) => e.type));
    for (const t of [
      'InquiryLogged',
      'TargetsSet',
      'NoteAdded',
      'FieldEdited',
      'OutreachRecorded',
      'McoReferred',
      'McoReportedBack',
      'InquiryResolved',
    ])
      expect(types, t).toContain(t);
    expect(new Set(set.map((g) => g.record.source))).toEqual(new Set(SOURCES));
    expect(new Set(set.map((g) => g.record.priority))).toEqual(new Set(['high', 'escalated']));
  });

  it('keeps, for each inquiry, its state while it was still open (the due-items figure reads those)', () => {
    for (const g of set) {
      expect(g.openState.status).toBe('open');
      expect(g.openState.id).toBe(g.record.id);
      if (g.record.status === 'open') expect(g.openState).toBe(g.record);
    }
  });

  it('works as a desk of the unit whose last stamp carries on the data set', () => {
    const staff = benchStaff();
    const me = staff[0] as (typeof staff)[number];
    expect(benchProfile(staff)).toMatchObject({ id: me.actor.id, role: 'liaison' });
    const last = lastStampOf(events, me.deviceId);
    expect(last.endsWith(me.deviceId)).toBe(true);
    expect(events.filter((e) => e.deviceId === me.deviceId).every((e) => e.hlc <= last)).toBe(true);
  });
});
