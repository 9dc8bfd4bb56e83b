import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, PersonRef } from '../people';
import { encodeHlc, type HlcStamp } from '../sync/hlc';
import type { Instant } from '../time/types';
import type { CaseNumber } from './caseNumber';
import { ANA, BEN, ct, fieldsWith } from './commands/testKit';
import type { FieldEdit, FieldEdited, InquiryEvent, InquiryLogged, NoteAdded } from './events';
import type { FieldName } from './fields';
import { applyFoldPlan, planFold } from './foldPlan';
import { applyEvent, byHlc, EMPTY_WORKFLOW, fieldStamp, type InquiryRecord, projectInquiry } from './projection';

const INQUIRY_ID = '01JDINQUIRY000000000000001';
const T0 = Date.UTC(2026, 10, 23, 15, 15);
const stamp = (wall: number, counter = 0, deviceId = 'DESKA'): HlcStamp => encodeHlc({ wall, counter, deviceId });

/** The sample inquiry received Mon 23 Nov 08:50 CST about a refill, with Molina, nobody assigned. */
const FIELDS = fieldsWith({
  receivedAt: ct(2026, 11, 23, 8, 50),
  mcoId: 'molina',
  category: 'Pharmacy',
  description: 'Refill denied.',
  assignee: null,
});

const envelope = (id: string, hlc: HlcStamp, at: number, actor: Actor = ANA, deviceId = 'DESKA') => ({
  id,
  inquiryId: INQUIRY_ID,
  actor,
  deviceId,
  hlc,
  at: at as Instant,
  v: 1 as const,
});

const logged = (hlc: HlcStamp = stamp(T0), id = 'EV-LOGGED-0001'): InquiryLogged => ({
  ...envelope(id, hlc, T0),
  type: 'InquiryLogged',
  payload: { caseNumber: '261123-K7QM2-004' as CaseNumber, fields: FIELDS },
});
const note = (id: string, hlc: HlcStamp, at: number, text = 'Called member, left a voicemail.'): NoteAdded => ({
  ...envelope(id, hlc, at),
  type: 'NoteAdded',
  payload: { text },
});
const edited = (id: string, hlc: HlcStamp, at: number, edit: FieldEdit, actor: Actor = ANA): FieldEdited => ({
  ...envelope(id, hlc, at, actor),
  type: 'FieldEdited',
  payload: edit,
});

const LOGGED_RECORD: InquiryRecord = {
  ...FIELDS,
  id: INQUIRY_ID,
  caseNumber: '261123-K7QM2-004' as CaseNumber,
  status: 'open',
  loggedAt: T0 as Instant,
  loggedBy: { id: 'p-ana', name: 'Ana Ortiz' },
  updatedAt: T0 as Instant,
  lastHlc: stamp(T0),
  // The logged event stamps every field (loggedHlc); fieldHlc lists the fields an edit has set since.
  fieldHlc: {},
  loggedHlc: stamp(T0),
  assignedBy: 'p-ana',
  noteCount: 0,
  eventCount: 1,
  workflow: EMPTY_WORKFLOW,
};

const fold = (events: readonly InquiryEvent[]) => events.reduce<InquiryRecord | undefined>(applyEvent, undefined);

describe('applyEvent', () => {
  it('creates the record from the logged event, with the logger as a person (no role)', () => {
    expect(applyEvent(undefined, logged())).toEqual(LOGGED_RECORD);
  });

  it('keeps the first logged event when a second one for the same inquiry arrives', () => {
    const first = applyEvent(undefined, logged());
    const second = {
      ...logged(stamp(T0 + 5), 'EV-LOGGED-0002'),
      payload: { ...logged().payload, caseNumber: '261123-ZX9P4-001' as CaseNumber },
    };
    expect(applyEvent(first, second)).toBe(first);
  });

  it('counts notes and events and moves updatedAt and lastHlc forward', () => {
    const r = fold([
      logged(),
      note('EV-NOTE-00001', stamp(T0 + 60_000), T0 + 60_000),
      note('EV-NOTE-00002', stamp(T0 + 120_000), T0 + 120_000),
    ]);
    expect(r).toEqual({ ...LOGGED_RECORD, noteCount: 2, eventCount: 3, updatedAt: T0 + 120_000, lastHlc: stamp(T0 + 120_000) });
  });

  it('keeps the latest wall time as updatedAt even when a later stamp carries an earlier desk clock', () => {
    const r = fold([
      logged(),
      note('EV-NOTE-00001', stamp(T0 + 60_000), T0 + 60_000),
      note('EV-NOTE-00002', stamp(T0 + 60_000, 1, 'DESKB'), T0 + 30_000),
    ]);
    expect(r?.updatedAt).toBe(T0 + 60_000);
    expect(r?.lastHlc).toBe(stamp(T0 + 60_000, 1, 'DESKB'));
  });

  it('applies a field edit and records the stamp that set the field', () => {
    const h = stamp(T0 + 60_000);
    const r = fold([logged(), edited('EV-EDIT-00001', h, T0 + 60_000, { field: 'priority', from: 'high', to: 'escalated' })]);
    expect(r).toEqual({
      ...LOGGED_RECORD,
      priority: 'escalated',
      fieldHlc: { ...LOGGED_RECORD.fieldHlc, priority: h },
      updatedAt: T0 + 60_000,
      lastHlc: h,
      eventCount: 2,
    });
  });

  it('folds onto a row stored before loggedHlc was kept (every field in fieldHlc) as onto a new one', () => {
    const full = Object.fromEntries(Object.keys(FIELDS).map((f) => [f, stamp(T0)])) as InquiryRecord['fieldHlc'];
    const old: InquiryRecord = { ...LOGGED_RECORD, fieldHlc: { ...full, priority: stamp(T0 + 5000) }, loggedHlc: undefined };
    delete old.loggedHlc;
    const late = edited('EV-EDIT-00001', stamp(T0 + 9000), T0 + 9000, { field: 'description', from: 'x', to: 'later' });
    const early = edited('EV-EDIT-00002', stamp(T0 + 4000), T0 + 4000, { field: 'priority', from: 'x', to: 'escalated' });
    const r = [late, early].reduce<InquiryRecord | undefined>(applyEvent, old);
    expect(r?.description).toBe('later');
    expect(r?.priority).toBe(LOGGED_RECORD.priority);
    expect([fieldStamp(r as InquiryRecord, 'description'), fieldStamp(r as InquiryRecord, 'mcoId')]).toEqual([stamp(T0 + 9000), stamp(T0)]);
    expect(fieldStamp(fold([logged()]) as InquiryRecord, 'mcoId')).toBe(stamp(T0));
  });

  it('applies an assignee edit as a person and back to unassigned', () => {
    const ben: PersonRef = { id: 'p-ben', name: 'Ben Cho' };
    const r = fold([
      logged(),
      edited('EV-EDIT-00001', stamp(T0 + 1000), T0 + 1000, { field: 'assignee', from: null, to: ben }),
      edited('EV-EDIT-00002', stamp(T0 + 2000), T0 + 2000, { field: 'assignee', from: ben, to: null }),
    ]);
    expect(r?.assignee).toBeNull();
    expect(
      fold([logged(), edited('EV-EDIT-00001', stamp(T0 + 1000), T0 + 1000, { field: 'assignee', from: null, to: ben })])?.assignee,
    ).toEqual(ben);
  });

  it('ignores an older edit of a field that a newer edit already set, but still counts it', () => {
    const r = fold([
      logged(),
      edited('EV-EDIT-00002', stamp(T0 + 2000, 0, 'DESKB'), T0 + 2000, { field: 'description', from: 'Refill denied.', to: 'B wins' }, BEN),
      edited('EV-EDIT-00001', stamp(T0 + 1000, 0, 'DESKA'), T0 + 1000, { field: 'description', from: 'Refill denied.', to: 'A loses' }),
    ]);
    expect(r?.description).toBe('B wins');
    expect(r?.fieldHlc.description).toBe(stamp(T0 + 2000, 0, 'DESKB'));
    expect(r?.lastHlc).toBe(stamp(T0 + 2000, 0, 'DESKB'));
    expect(r?.eventCount).toBe(3);
  });

  it('yields nothing for a note or an edit before the logged event is known', () => {
    expect(applyEvent(undefined, note('EV-NOTE-00001', stamp(T0 + 1000), T0 + 1000))).toBeUndefined();
    expect(
      applyEvent(undefined, edited('EV-EDIT-00001', stamp(T0 + 1000), T0 + 1000, { field: 'priority', from: 'high', to: 'escalated' })),
    ).toBeUndefined();
  });
});

describe('projectInquiry', () => {
  const e1 = edited('EV-EDIT-00001', stamp(T0 + 1000, 0, 'DESKA'), T0 + 1000, { field: 'mcoId', from: 'molina', to: 'itc' });
  const e2 = edited('EV-EDIT-00002', stamp(T0 + 1000, 0, 'DESKB'), T0 + 1000, { field: 'mcoId', from: 'molina', to: 'wellpoint' }, BEN);
  const n1 = note('EV-NOTE-00001', stamp(T0 + 500, 3, 'DESKC'), T0 + 400);
  const expected: InquiryRecord = {
    ...LOGGED_RECORD,
    mcoId: 'wellpoint',
    fieldHlc: { ...LOGGED_RECORD.fieldHlc, mcoId: e2.hlc },
    updatedAt: (T0 + 1000) as Instant,
    lastHlc: e2.hlc,
    noteCount: 1,
    eventCount: 4,
  };

  it('gives the last writer per field by HLC (device id breaks a same-millisecond tie), whatever the arrival order', () => {
    expect(projectInquiry([logged(), n1, e1, e2])).toEqual(expected);
    expect(projectInquiry([e2, e1, n1, logged()])).toEqual(expected);
    expect(projectInquiry([e1, logged(), e2, n1])).toEqual(expected);
  });

  it('ignores duplicates of any event', () => {
    expect(projectInquiry([e2, logged(), e1, n1, e2, n1, logged(), e1])).toEqual(expected);
  });

  it('does not mutate the list it is given', () => {
    const events = [e2, e1, n1, logged()];
    const copy = [...events];
    projectInquiry(events);
    expect(events).toEqual(copy);
  });

  it('yields nothing until the logged event arrives, then the whole record', () => {
    expect(projectInquiry([])).toBeUndefined();
    expect(projectInquiry([e1, e2, n1])).toBeUndefined();
    expect(projectInquiry([e1, e2, n1, logged()])).toEqual(expected);
  });

  it('drops edits stamped before the logged event (no desk can issue one)', () => {
    const early = edited('EV-EDIT-00000', stamp(T0 - 1000), T0 - 1000, { field: 'priority', from: 'high', to: 'escalated' });
    expect(projectInquiry([early, logged()])).toEqual(LOGGED_RECORD);
  });
});

describe('planFold', () => {
  const state = fold([logged(), note('EV-NOTE-00001', stamp(T0 + 5000), T0 + 5000)]);
  const held = () => true;
  const none = () => false;

  it('folds onto nothing only when no event of the inquiry is stored yet', () => {
    expect(planFold({ row: undefined, fresh: [logged()], heldBefore: none })).toEqual({ kind: 'fold', onto: undefined });
    expect(planFold({ row: undefined, fresh: [logged()], heldBefore: held })).toEqual({ kind: 'refold' });
  });

  it('keeps an edit synced before its logged event: folding the late logged event re-projects the stored events', () => {
    const edit = edited(
      'EV-EDIT-00001',
      stamp(T0 + 1000, 0, 'DESKB'),
      T0 + 1000,
      { field: 'priority', from: 'high', to: 'escalated' },
      BEN,
    );
    const stored: InquiryEvent[] = [];
    const take = (row: InquiryRecord | undefined, e: InquiryEvent) => {
      const plan = planFold({ row, fresh: [e], heldBefore: () => stored.length > 0 });
      stored.push(e);
      return applyFoldPlan(plan, [e], () => stored);
    };
    let state = take(undefined, edit);
    expect(state).toBeUndefined();
    state = take(state, logged());
    expect(state?.priority).toBe('escalated');
    expect(state?.eventCount).toBe(2);
  });

  it('asks for a re-fold only for an event stamped before the newest folded one', () => {
    const at = (e: InquiryEvent) => planFold({ row: state, fresh: [e], heldBefore: held }).kind;
    expect(at(note('EV-NOTE-00002', stamp(T0 + 4999, 0, 'DESKZ'), T0))).toBe('refold');
    expect(at(note('EV-NOTE-00002', stamp(T0 + 5000, 0, 'DESKB'), T0))).toBe('fold');
    expect(at(note('EV-NOTE-00002', stamp(T0 + 5001, 0, 'DESKA'), T0))).toBe('fold');
  });

  it('re-folds events that replace stored ones (new stamps)', () => {
    expect(planFold({ row: state, fresh: [note('EV-NOTE-00001', stamp(T0 + 9000), T0)], heldBefore: held, replacing: true })).toEqual({
      kind: 'refold',
    });
  });
});

describe('projection properties', () => {
  const DEVICES = ['DESKA', 'DESKB', 'DESKC'] as const;
  const PEOPLE: PersonRef[] = [
    { id: 'p-ana', name: 'Ana Ortiz' },
    { id: 'p-ben', name: 'Ben Cho' },
  ];
  const editArb: fc.Arbitrary<FieldEdit> = fc.oneof(
    fc.record({ field: fc.constant('description' as const), from: fc.string(), to: fc.string() }),
    fc.record({
      field: fc.constant('priority' as const),
      from: fc.constantFrom('high', 'escalated'),
      to: fc.constantFrom('high', 'escalated'),
    }),
    fc.record({
      field: fc.constant('mcoId' as const),
      from: fc.constantFrom('', 'itc'),
      to: fc.constantFrom('', 'itc', 'molina', 'wellpoint'),
    }),
    fc.record({
      field: fc.constant('assignee' as const),
      from: fc.constantFrom(null, ...PEOPLE),
      to: fc.constantFrom(null, ...PEOPLE),
    }),
    fc.record({
      field: fc.constant('receivedAt' as const),
      from: fc.constant(FIELDS.receivedAt),
      to: fc.integer({ min: Date.UTC(2000, 0, 1), max: T0 }).map((n) => n as Instant),
    }),
  );
  // Stamps around the logged event's (some before it, which no real desk issues, but the fold must still be deterministic).
  const stampArb = fc.record({
    wall: fc.integer({ min: T0 - 3, max: T0 + 20 }),
    counter: fc.integer({ min: 0, max: 3 }),
    deviceId: fc.constantFrom(...DEVICES),
  });
  const eventsArb = fc
    .uniqueArray(
      fc.record({
        stamp: stampArb,
        at: fc.integer({ min: T0 - 60_000, max: T0 + 60_000 }),
        edit: fc.option(editArb, { nil: undefined }),
        text: fc.string({ minLength: 1, maxLength: 20 }),
      }),
      { selector: (e) => encodeHlc(e.stamp), maxLength: 30 },
    )
    .map((specs) => {
      const events: InquiryEvent[] = specs.map((s, i) => {
        const hlc = encodeHlc(s.stamp);
        const id = `EV-${String(i).padStart(8, '0')}`;
        const env = { ...envelope(id, hlc, s.at, ANA, s.stamp.deviceId) };
        return s.edit ? { ...env, type: 'FieldEdited', payload: s.edit } : { ...env, type: 'NoteAdded', payload: { text: s.text } };
      });
      // The logged stamp is unique among them: counter 9 is never generated above.
      return [logged(stamp(T0, 9, 'DESKB')), ...events];
    });
  /** Any arrival order of the events, with some delivered more than once. */
  const arrivalsArb = eventsArb.chain((events) =>
    fc
      .array(fc.nat({ max: events.length - 1 }), { maxLength: 10 })
      .chain((dups) => {
        const withDups = [...events, ...dups.map((i) => events[i] as InquiryEvent)];
        return fc.shuffledSubarray(withDups, { minLength: withDups.length, maxLength: withDups.length });
      })
      .map((arrivals) => ({ events, arrivals })),
  );

  it('projects the same record from any order of the same events, duplicates included, as folding them in HLC order', () => {
    fc.assert(
      fc.property(arrivalsArb, ({ events, arrivals }) => {
        const sorted = [...events].sort(byHlc);
        expect(projectInquiry(arrivals)).toEqual(projectInquiry(events));
        expect(projectInquiry(arrivals)).toEqual(fold(sorted));
      }),
      { numRuns: 300 },
    );
  });

  it('matches a plain model: each field from its highest-stamped edit after the logged event, counts of the events after it', () => {
    fc.assert(
      fc.property(arrivalsArb, ({ events, arrivals }) => {
        const [log, ...rest] = events as [InquiryLogged, ...InquiryEvent[]];
        const after = rest.filter((e) => e.hlc > log.hlc);
        const fields: Record<string, unknown> = { ...FIELDS };
        const fieldHlc: Record<string, HlcStamp> = {};
        let assignedBy = log.actor.id;
        for (const f of Object.keys(FIELDS) as FieldName[]) {
          const edits = after.filter((e): e is FieldEdited => e.type === 'FieldEdited' && e.payload.field === f).sort(byHlc);
          const last = edits.at(-1);
          if (last) fieldHlc[f] = last.hlc;
          if (last) fields[f] = last.payload.to;
          // Whoever made the assignment that stands: the intake's author, or the author of the winning edit.
          if (last && f === 'assignee') assignedBy = last.actor.id;
        }
        expect(projectInquiry(arrivals)).toEqual({
          ...LOGGED_RECORD,
          ...fields,
          fieldHlc,
          loggedHlc: log.hlc,
          assignedBy,
          lastHlc: [log, ...after]
            .map((e) => e.hlc)
            .sort()
            .at(-1),
          updatedAt: Math.max(...[log, ...after].map((e) => e.at)),
          noteCount: after.filter((e) => e.type === 'NoteAdded').length,
          eventCount: 1 + after.length,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same record when a desk folds arrivals one by one and re-folds only when planFold says so', () => {
    fc.assert(
      fc.property(arrivalsArb, ({ events, arrivals }) => {
        const seen = new Map<string, InquiryEvent>();
        let state: InquiryRecord | undefined;
        for (const e of arrivals) {
          if (seen.has(e.id)) continue;
          const plan = planFold({ row: state, fresh: [e], heldBefore: () => seen.size > 0 });
          seen.set(e.id, e);
          state = applyFoldPlan(plan, [e], () => [...seen.values()]);
        }
        expect(state).toEqual(projectInquiry(events));
      }),
      { numRuns: 300 },
    );
  });
});
